// Package ssakittest holds test helpers shared by the packages of the
// shared kit.
package ssakittest

import (
	"testing"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// StdProgram loads a few standard packages with many shapes of control
// flow (os, path/filepath, net/http, go/types) from source and builds
// their SSA, for tests that compare a fast answer with the slow one it
// replaces on every function. It skips the test under -short.
func StdProgram(t testing.TB) *ssa.Program {
	t.Helper()
	if testing.Short() {
		t.Skip("loads standard packages from source")
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax}
	pkgs, err := packages.Load(cfg, "os", "path/filepath", "net/http", "go/types")
	if err != nil {
		t.Fatal(err)
	}
	prog, _ := ssautil.Packages(pkgs, ssa.InstantiateGenerics)
	prog.Build()
	return prog
}
