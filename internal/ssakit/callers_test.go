package ssakit_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// TestCallers: the static call sites of each function (calls, go and
// defer statements, calls of a closure), and the functions whose value
// escapes (stored, passed, made into a closure that is passed).
func TestCallers(t *testing.T) {
	fns := build(t, `package p

var hook = stored

func caller(done chan bool) {
	called(1)
	called(2)
	go called(3)
	defer called(4)
	passed(passed)
	x := 0
	c := func() { x++ }
	c()
	run(func() { x-- })
}

func called(n int) {}
func stored()      {}
func passed(f any) {}
func run(f func()) { f() }
`)
	var all []*ssa.Function
	for _, fn := range fns {
		all = append(all, fn)
		all = append(all, fn.AnonFuncs...)
	}
	all = append(all, fns[0].Pkg.Func("init"))
	c := ssakit.NewCallers(all)
	byName := map[string]*ssa.Function{}
	for _, fn := range all {
		byName[fn.Name()] = fn
	}
	for _, tc := range []struct {
		name  string
		sites int
		all   bool
	}{
		{"called", 4, true},
		{"stored", 0, false},
		{"passed", 1, false},
		{"run", 1, true},
		{"caller$1", 1, true},
		{"caller$2", 0, false},
		{"caller", 0, true},
	} {
		sites, ok := c.Sites(byName[tc.name])
		if len(sites) != tc.sites || ok != tc.all {
			t.Errorf("Sites(%s) = %d sites, %v; want %d, %v", tc.name, len(sites), ok, tc.sites, tc.all)
		}
	}
}

// TestCapturedAs: the free variable a captured variable becomes in each
// closure that binds it, and back to the variable (Binding).
func TestCapturedAs(t *testing.T) {
	fns := build(t, `package p

func outer() {
	x, y := 0, 0
	f := func() { x++; y++ }
	f()
	g := func() int { return x }
	_ = g()
}
`)
	outer := fns[0]
	var cell ssa.Value
	for _, b := range outer.Blocks {
		for _, in := range b.Instrs {
			if a, ok := in.(*ssa.Alloc); ok && a.Comment == "x" {
				cell = a
			}
		}
	}
	if cell == nil {
		t.Fatal("no cell for x")
	}
	var got []*ssa.FreeVar
	for _, in := range *cell.Referrers() {
		if mc, ok := in.(*ssa.MakeClosure); ok {
			got = append(got, ssakit.CapturedAs(mc, cell)...)
		}
	}
	if len(got) != 2 {
		t.Fatalf("CapturedAs(x) over the closures = %d free variables, want 2", len(got))
	}
	for _, fv := range got {
		if fv.Name() != "x" {
			t.Errorf("CapturedAs(x) gave %s in %s, want x", fv.Name(), fv.Parent())
		}
		if b := ssakit.Binding(fv); b != cell {
			t.Errorf("Binding(%s in %s) = %v, want the cell of x", fv.Name(), fv.Parent(), b)
		}
	}
}
