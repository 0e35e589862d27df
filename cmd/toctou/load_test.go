package main

import (
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestLoadDirect compares the packages loadDirect type-checks itself with
// those go/packages loads (loadGoList), on a module of two packages, one
// importing the other, with generics, an in-package test and an external
// test, with and without the tests: the same packages, files, imports,
// objects and type information.
func TestLoadDirect(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.23\n",
		"a/a.go":      "package a\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/b\"\n)\n\nfunc Save(p string, data []byte) error {\n\tif _, err := os.Stat(p); err == nil {\n\t\treturn nil\n\t}\n\treturn os.WriteFile(p, b.Map(data, func(c byte) byte { return c }), 0o644)\n}\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestSave(t *testing.T) { _ = Save(t.TempDir()+\"/x\", nil) }\n",
		"a/x_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/a\"\n)\n\nfunc TestX(t *testing.T) { _ = a.Save(\"\", nil) }\n",
		"b/b.go":      "package b\n\nimport \"net/http\"\n\nvar Client = &http.Client{}\n\nfunc Map[T any](xs []T, f func(T) T) []T {\n\tfor i, x := range xs {\n\t\txs[i] = f(x)\n\t}\n\treturn xs\n}\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, tests := range []bool{false, true} {
		patterns := []string{"./..."}
		direct, why := loadDirect(patterns, tests, nil)
		if why != "" {
			t.Fatalf("tests=%v: loadDirect did not apply: %s", tests, why)
		}
		golist, _, errs, err := loadGoList(patterns, tests, nil)
		if err != nil || len(errs) > 0 {
			t.Fatal(err, errs)
		}
		byID := make(map[string]*packages.Package)
		for _, p := range golist {
			byID[p.ID] = p
		}
		if len(direct) != len(golist) {
			t.Fatalf("tests=%v: %d packages, want %d", tests, len(direct), len(golist))
		}
		for _, p := range direct {
			q := byID[p.ID]
			if q == nil {
				t.Fatalf("tests=%v: package %s not loaded by go/packages", tests, p.ID)
			}
			if !slices.Equal(p.CompiledGoFiles, q.CompiledGoFiles) || len(p.Syntax) != len(q.Syntax) {
				t.Errorf("%s: files %v, want %v", p.ID, p.CompiledGoFiles, q.CompiledGoFiles)
			}
			var pi, qi []string
			for path := range p.Imports {
				pi = append(pi, path)
			}
			for path := range q.Imports {
				qi = append(qi, path)
			}
			slices.Sort(pi)
			slices.Sort(qi)
			if !slices.Equal(pi, qi) {
				t.Errorf("%s: imports %v, want %v", p.ID, pi, qi)
			}
			if p.IllTyped || q.IllTyped {
				t.Errorf("%s: ill-typed", p.ID)
			}
			if !slices.Equal(p.Types.Scope().Names(), q.Types.Scope().Names()) {
				t.Errorf("%s: package scope differs", p.ID)
			}
			a, b := p.TypesInfo, q.TypesInfo
			if len(a.Types) != len(b.Types) || len(a.Defs) != len(b.Defs) || len(a.Uses) != len(b.Uses) ||
				len(a.Implicits) != len(b.Implicits) || len(a.Instances) != len(b.Instances) ||
				len(a.Scopes) != len(b.Scopes) || len(a.Selections) != len(b.Selections) || len(a.FileVersions) != len(b.FileVersions) {
				t.Errorf("%s: type information differs", p.ID)
			}
			if p.TypesSizes == nil || types.SizesFor("gc", "amd64") == nil {
				t.Errorf("%s: no sizes", p.ID)
			}
			if p.Module == nil || p.Module.GoVersion != q.Module.GoVersion {
				t.Errorf("%s: module %v, want %v", p.ID, p.Module, q.Module)
			}
		}
	}
}
