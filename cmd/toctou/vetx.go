package main

import (
	"encoding/json"
	"os"
	"strings"

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
	VetxOutput    string
}

// skipLibraryVetx handles go vet's invocations for a library package
// (std, or a versioned module dependency) that go vet analyzes only to
// compute facts for its importers (VetxOnly). The passes export no facts
// about libraries (they know them through tables), so there is nothing to
// compute: it writes the empty facts file go vet expects and reports true,
// without parsing or type-checking the package. go vet runs the tool on
// every package of the dependency tree, and most of them are libraries.
func skipLibraryVetx(args []string) bool {
	// go vet passes the user's analyzer flags, then the file.
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	for _, arg := range args[:len(args)-1] {
		if !strings.HasPrefix(arg, "-") {
			return false
		}
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg vetConfig
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly || cfg.VetxOutput == "" {
		return false
	}
	module := cfg.Module
	if module == nil && (cfg.ModulePath != "" || cfg.ModuleVersion != "") {
		module = &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion}
	}
	if !driver.Library(cfg.ImportPath, module) {
		return false
	}
	// An empty file is a package without facts (internal/facts).
	return os.WriteFile(cfg.VetxOutput, nil, 0o666) == nil
}
