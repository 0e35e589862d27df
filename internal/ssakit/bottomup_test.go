package ssakit_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/toctou/toctou/internal/ssakit"
)

// build returns the functions of one package's source, in source order.
func build(t *testing.T, src string) []*ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var fns []*ssa.Function
	for _, d := range f.Decls {
		if d, ok := d.(*ast.FuncDecl); ok {
			fns = append(fns, pkg.Func(d.Name.Name))
		}
	}
	return fns
}

// TestBottomUpDeepChain: a chain of 40 helpers in one package, written
// callers first (the order in which a round-robin loop needs one round per
// level), is summarized in one visit each, callees first.
func TestBottomUpDeepChain(t *testing.T) {
	const n = 40
	var src strings.Builder
	src.WriteString("package p\n\nimport \"os\"\n\n")
	for i := range n {
		fmt.Fprintf(&src, "func f%d(p string) error { return f%d(p) }\n", i, i+1)
	}
	fmt.Fprintf(&src, "func f%d(p string) error { return os.Remove(p) }\n", n)
	fns := build(t, src.String())

	removes := map[*ssa.Function]bool{}
	visits := 0
	transfer := removesTransfer(removes)
	ssakit.BottomUp(ssakit.NewCallGraph(fns), func(fn *ssa.Function) bool {
		visits++
		return transfer(fn)
	})
	for _, fn := range fns {
		if !removes[fn] {
			t.Errorf("%s: not summarized as removing its parameter", fn.Name())
		}
	}
	if visits != n+1 {
		t.Errorf("%d visits for %d acyclic functions, want one each", visits, n+1)
	}
}

// TestBottomUpRecursion: mutually recursive functions form one component,
// which the worklist solves to its fixed point whatever the depth of the
// cycle; the components come out callees first, deterministically.
func TestBottomUpRecursion(t *testing.T) {
	fns := build(t, `package p

import "os"

func top(p string) error { return a(p, 0) }

func a(p string, n int) error {
	if n > 10 {
		return leaf(p)
	}
	return b(p, n+1)
}

func b(p string, n int) error { return c(p, n) }

func c(p string, n int) error { return a(p, n) }

func leaf(p string) error { return os.Remove(p) }

func self(p string, n int) error {
	if n == 0 {
		return leaf(p)
	}
	return self(p, n-1)
}
`)
	g := ssakit.NewCallGraph(fns)
	var order []string
	for _, scc := range g.Components() {
		var names []string
		for _, fn := range scc {
			names = append(names, fn.Name())
		}
		order = append(order, strings.Join(names, ","))
	}
	if got, want := strings.Join(order, " "), "leaf a,b,c top self"; got != want {
		t.Errorf("components %q, want %q", got, want)
	}
	removes := map[*ssa.Function]bool{}
	ssakit.BottomUp(g, removesTransfer(removes))
	for _, fn := range fns {
		if !removes[fn] {
			t.Errorf("%s: not summarized as removing its parameter", fn.Name())
		}
	}
}

// removesTransfer is a summary for the tests: fn calls package os, or a
// function already summarized as doing so.
func removesTransfer(removes map[*ssa.Function]bool) func(*ssa.Function) bool {
	return func(fn *ssa.Function) bool {
		if removes[fn] {
			return false
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					g := c.Call.StaticCallee()
					if removes[g] || g != nil && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
						removes[fn] = true
						return true
					}
				}
			}
		}
		return false
	}
}
