package main

import (
	"encoding/json"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/driver"
)

// vetConfig holds the fields of go vet's per-package configuration file
// (golang.org/x/tools/go/analysis/unitchecker.Config) that decide whether
// the package needs analyzing at all.
type vetConfig struct {
	ImportPath    string
	ModulePath    string
	ModuleVersion string
	Module        *analysis.Module
	VetxOnly      bool
}

// libraryVetxOnly reports whether go vet runs the tool on a library
// package (std, or a versioned module dependency) only to compute its
// facts for importers (VetxOnly). The passes export no facts about
// libraries (they know them through tables), so main then runs them
// wrapped in driver.SkipLibraries: unitchecker still type-checks the
// package and writes its types for the importers (since x/tools v0.52 the
// facts file carries them), but no SSA is built and no pass runs. go vet
// runs the tool on every package of the dependency tree, and most of them
// are libraries.
func libraryVetxOnly(args []string) bool {
	file, ok := vetConfigFile(args)
	if !ok {
		return false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg vetConfig
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly {
		return false
	}
	module := cfg.Module
	if module == nil && (cfg.ModulePath != "" || cfg.ModuleVersion != "") {
		module = &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion}
	}
	return driver.Library(cfg.ImportPath, module)
}
