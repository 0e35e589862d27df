package pathflow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/toctou/toctou/internal/pathflow"
)

const src = `package p

import (
	"fmt"
	"os"
	"path/filepath"
)

type T struct{ a, b string }

func f(dir, name string, t *T, u *T, n int) {
	sink(filepath.Join(dir, name), filepath.Join(dir, name))     // same
	sink(filepath.Join(dir, name), filepath.Join(name, dir))     // different
	sink(dir+"/x", dir+"/x")                                     // same
	sink(dir+"/x", dir+"/y")                                     // different
	sink(t.a, t.a)                                               // same
	sink(t.a, t.b)                                               // different
	sink(t.a, u.a)                                               // different
	sink(fmt.Sprintf("%s/%d", dir, n), fmt.Sprintf("%s/%d", dir, n)) // same
	sink(os.TempDir(), os.TempDir())                             // different: not a pure function
	sink("/tmp/x", "/tmp/x")                                     // same
}

func sink(a, b string) {}

func g(p string) string { return filepath.Clean(p) }
`

func build(t *testing.T) *ssa.Package {
	t.Helper()
	pkg, _ := buildSource(t, src)
	return pkg
}

// buildSource builds the SSA of a package p made of one file, p.go.
func buildSource(t *testing.T, src string) (*ssa.Package, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, fset
}

func TestSamePath(t *testing.T) {
	pkg := build(t)
	want := []bool{true, false, true, false, true, false, false, true, false, true}
	i := 0
	for _, b := range pkg.Func("f").Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.StaticCallee() != pkg.Func("sink") {
				continue
			}
			if i >= len(want) {
				t.Fatalf("more sink calls than expectations")
			}
			a, b := call.Call.Args[0], call.Call.Args[1]
			if got := pathflow.SamePath(a, b); got != want[i] {
				t.Errorf("sink #%d: SamePath(%s, %s) = %v, want %v", i, a, b, got, want[i])
			}
			i++
		}
	}
	if i != len(want) {
		t.Errorf("saw %d sink calls, want %d", i, len(want))
	}
}

func TestParamOf(t *testing.T) {
	g := build(t).Func("g")
	var ret *ssa.Return
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			if r, ok := instr.(*ssa.Return); ok {
				ret = r
			}
		}
	}
	if p := pathflow.ParamOf(ret.Results[0]); p != g.Params[0] {
		t.Errorf("ParamOf(filepath.Clean(p)) = %v, want the parameter p", p)
	}
}
