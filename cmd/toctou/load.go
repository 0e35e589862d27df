package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// loadDirect loads the packages that patterns name from source, and their
// dependencies from export data, as loadPackages does, without asking go
// list for the export data of the named packages themselves: with
// packages.LoadSyntax, go list -export compiles every package it lists,
// the named ones included, whose export data is then never read (they are
// type-checked from source). On a large package that compile costs
// several times go vet's whole run (4.5 s of CPU on a generated 50k-line
// file, against 1 s for go vet, which compiles only the dependencies).
//
// So the graph is listed without export data, the dependencies the named
// packages import are listed again with it (compiled once, then cached by
// the go command), and the named packages are parsed and type-checked here
// as go/packages would, against that export data.
//
// It answers only the common case, and says why not otherwise, for the
// caller to load as before: every package of the graph listed without
// error, no dependency specific to a test (p's test variants of its
// dependencies), no package of the named packages' own modules left to
// load from source (moduleSiblings), and no parse or type error in the
// named packages (so the error lines stay the go command's and
// go/packages', whichever way the packages were loaded).
func loadDirect(patterns []string, tests bool, buildFlags []string) (pkgs []*packages.Package, why string) {
	const graphMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
		packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes
	roots, err := packages.Load(&packages.Config{Mode: graphMode, Tests: tests, BuildFlags: buildFlags}, patterns...)
	if err != nil || len(roots) == 0 {
		return nil, "listing failed"
	}
	if len(moduleSiblings(roots)) > 0 {
		return nil, "packages of the module to load for their facts"
	}
	fromSource := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		if p.PkgPath == "unsafe" || len(p.CompiledGoFiles) == 0 {
			return nil, "a package without Go files"
		}
		fromSource[p] = true
	}
	failed := false
	packages.Visit(roots, nil, func(p *packages.Package) {
		failed = failed || len(p.Errors) > 0
	})
	if failed {
		return nil, "errors"
	}
	// The dependencies the named packages import, by ID (their import
	// path: a test variant, "q [p.test]", cannot be listed on its own).
	var depIDs []string
	seen := make(map[string]bool)
	for _, p := range roots {
		for _, imp := range p.Imports {
			if fromSource[imp] || imp.PkgPath == "unsafe" || seen[imp.ID] {
				continue
			}
			if imp.ID != imp.PkgPath || strings.HasPrefix(imp.ID, "vendor/") {
				return nil, "a dependency recompiled for a test, or vendored: " + imp.ID
			}
			seen[imp.ID] = true
			depIDs = append(depIDs, imp.ID)
		}
	}
	exportFile := make(map[string]string)
	if len(depIDs) > 0 {
		deps, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedExportFile, BuildFlags: buildFlags}, depIDs...)
		if err != nil {
			return nil, "listing the dependencies failed"
		}
		for _, d := range deps {
			if len(d.Errors) > 0 || d.ExportFile == "" {
				return nil, "no export data for " + d.ID
			}
			exportFile[d.ID] = d.ExportFile
		}
		for _, id := range depIDs {
			if exportFile[id] == "" {
				return nil, "no export data for " + id
			}
		}
	}

	fset := token.NewFileSet()
	imported := make(map[string]*types.Package) // the dependencies' packages, by path, shared by their export data
	byID := make(map[string]*types.Package)
	importDep := func(imp *packages.Package) (*types.Package, error) {
		if t := byID[imp.ID]; t != nil {
			return t, nil
		}
		f, err := os.Open(exportFile[imp.ID])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gcexportdata.NewReader(bufio.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("reading export data for %s: %v", imp.ID, err)
		}
		t, err := gcexportdata.Read(r, fset, imported, imp.PkgPath)
		if err != nil {
			return nil, fmt.Errorf("reading export data for %s: %v", imp.ID, err)
		}
		byID[imp.ID] = t
		return t, nil
	}

	// Type-check the named packages, each after those of them it imports.
	done := make(map[*packages.Package]bool)
	var check func(p *packages.Package) bool
	check = func(p *packages.Package) bool {
		if done[p] {
			return p.Types != nil && p.Types.Complete()
		}
		done[p] = true
		for _, imp := range p.Imports {
			if fromSource[imp] && !check(imp) {
				return false
			}
		}
		return typeCheck(fset, p, fromSource, importDep)
	}
	for _, p := range roots {
		if !check(p) {
			return nil, "parse or type errors"
		}
	}
	// Each package keeps in Imports only the packages loaded from source,
	// as loadPackages does.
	for _, p := range roots {
		imports := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if fromSource[imp] {
				imports[path] = imp
			}
		}
		p.Imports = imports
	}
	return roots, ""
}

// typeCheck parses and type-checks p as go/packages does for a package it
// loads from source, and reports whether it did so without error.
func typeCheck(fset *token.FileSet, p *packages.Package, fromSource map[*packages.Package]bool, importDep func(*packages.Package) (*types.Package, error)) bool {
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.AllErrors|parser.ParseComments)
		if err != nil {
			return false // the caller loads again, for go/packages' error lines
		}
		files = append(files, f)
	}
	p.Fset = fset
	p.Syntax = files
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	typeErrors := false
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if fromSource[imp] {
				return imp.Types, nil
			}
			return importDep(imp)
		}),
		Error: func(error) { typeErrors = true },
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(files)
	return err == nil && !typeErrors
}

// An importerFunc is a types.Importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// namedHaveTests reports whether a directory that a local pattern names
// ("." , "./x", "./..." and the like) holds a _test.go file: then the
// test variants usually import dependencies recompiled for the test,
// which loadDirect gives up on after listing the whole graph. Only a
// speed choice: both loads give the same packages (TestLoadDirect).
// Patterns that are import paths are not looked at (false).
func namedHaveTests(patterns []string) bool {
	for _, pat := range patterns {
		dir, recursive := strings.CutSuffix(pat, "/...")
		if pat == "..." {
			dir, recursive = ".", true
		}
		if !filepath.IsAbs(dir) && dir != "." && dir != ".." &&
			!strings.HasPrefix(dir, "./") && !strings.HasPrefix(dir, "../") {
			continue
		}
		if dirHasTests(dir, recursive) {
			return true
		}
	}
	return false
}

// dirHasTests reports whether dir (and, if recursive, a directory below
// it that the go command would list) holds a _test.go file.
func dirHasTests(dir string, recursive bool) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if path == dir {
				return nil
			}
			name := d.Name()
			if !recursive || name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), "_test.go") {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
