package knowledge

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestExit(t *testing.T) {
	const src = `package p

import (
	"log"
	"os"
	"runtime"
	"testing"
)

var (
	_ = os.Exit
	_ = log.Fatalf
	_ = log.Panicln
	_ = (*log.Logger).Fatal
	_ = runtime.Goexit
	_ = (*testing.T).FailNow
	_ = testing.TB.Fatal
	_ = testing.TB.Log
	_ = os.Getpid
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Selections: make(map[*ast.SelectorExpr]*types.Selection)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]Ending{
		"os.Exit":                   ExitsProcess,
		"log.Fatalf":                ExitsProcess,
		"log.Panicln":               Panics,
		"(*log.Logger).Fatal":       ExitsProcess,
		"runtime.Goexit":            EndsGoroutine,
		"(*testing.common).FailNow": EndsGoroutine,
		"(testing.TB).Fatal":        EndsGoroutine,
		"(testing.TB).Log":          Returns,
		"os.Getpid":                 Returns,
	}
	got := make(map[string]Ending)
	ast.Inspect(f, func(n ast.Node) bool {
		var fn *types.Func
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil {
				fn, _ = sel.Obj().(*types.Func)
			} else {
				fn, _ = info.Uses[n.Sel].(*types.Func)
			}
		}
		if fn != nil {
			got[fn.FullName()] = Exit(fn)
		}
		return true
	})
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: not found among %v", name, got)
		} else if g != w {
			t.Errorf("Exit(%s) = %v, want %v", name, g, w)
		}
	}
}
