package driver

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestLibrary(t *testing.T) {
	for _, c := range []struct {
		path   string
		module *analysis.Module
		want   bool
	}{
		{"os", nil, true},
		{"net/http", &analysis.Module{}, true}, // checker's empty module for std
		{"vendor/golang.org/x/net/dns/dnsmessage", nil, true},
		{"golang.org/x/tools/go/ssa", &analysis.Module{Path: "golang.org/x/tools", Version: "v0.52.0"}, true},
		{"example.com/app/store", &analysis.Module{Path: "example.com/app"}, false}, // the main module
		{"example.com/app/store", nil, false},                                       // GOPATH or analysistest
		{"internal/foo", &analysis.Module{Path: "example.com/weird"}, false},        // a module's own package
		{"fsutil", &analysis.Module{}, false},
	} {
		if got := Library(c.path, c.module); got != c.want {
			t.Errorf("Library(%q, %+v) = %v, want %v", c.path, c.module, got, c.want)
		}
	}
}

func TestSkipLibraries(t *testing.T) {
	ran := 0
	a := &analysis.Analyzer{Name: "x", Doc: "x", Run: func(*analysis.Pass) (any, error) { ran++; return nil, nil }}
	skip := SkipLibraries(a)
	if skip == a || skip.Name != a.Name {
		t.Fatal("SkipLibraries must return a copy with the same name")
	}
	lib := &analysis.Pass{Pkg: typesPkg("os"), Module: &analysis.Module{}}
	user := &analysis.Pass{Pkg: typesPkg("example.com/app"), Module: &analysis.Module{Path: "example.com/app"}}
	skip.Run(lib)
	if ran != 0 {
		t.Error("the pass ran on a library package")
	}
	skip.Run(user)
	if ran != 1 {
		t.Error("the pass did not run on the user's package")
	}
}

func typesPkg(path string) *types.Package { return types.NewPackage(path, "p") }
