package fixutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/toctou/toctou/internal/fixutil"
)

// TestEnclosingPath compares EnclosingPath with
// astutil.PathEnclosingInterval for the interval of every node, and every
// single position, of a few files of the standard library (loops,
// switches, type switches, selects and labels included).
func TestEnclosingPath(t *testing.T) {
	fset := token.NewFileSet()
	for _, name := range []string{"os/file.go", "os/exec/exec.go", "net/http/client.go", "context/context.go", "go/printer/nodes.go"} {
		f, err := parser.ParseFile(fset, filepath.Join(runtime.GOROOT(), "src", name), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		check := func(start, end token.Pos) {
			got, gotExact := fixutil.EnclosingPath(f, start, end)
			want, wantExact := astutil.PathEnclosingInterval(f, start, end)
			if !reflect.DeepEqual(got, want) || gotExact != wantExact {
				t.Fatalf("%s: EnclosingPath(%v, %v) differs from PathEnclosingInterval", name, fset.Position(start), fset.Position(end))
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n != nil {
				check(n.Pos(), n.End())
				check(n.Pos(), n.Pos())
				check(n.End(), n.End())
			}
			return true
		})
		for p := f.FileStart; p < f.FileEnd; p += 7 {
			check(p, p)
			check(p, p+5)
		}
	}
}

const src = `package p

import (
	"fmt"
	"os"
	"strings"
)

var global = 1

type T struct{ f int }

func f(p string) error {
	x := strings.TrimSpace(p)
	fmt.Println(x, global)
	t := T{}
	_ = t.f
	return os.Remove(x)
}

func g() { fmt.Println() }
`

func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	ix := fixutil.NewIndex(info)
	fn := f.Decls[3].(*ast.FuncDecl) // f
	body := fn.Body.List
	span := func(a, b ast.Node) analysis.TextEdit { return analysis.TextEdit{Pos: a.Pos(), End: b.End()} }
	names := func(objs []types.Object) []string {
		var out []string
		for _, o := range objs {
			out = append(out, o.Name())
		}
		return out
	}
	for _, tc := range []struct {
		edits  []analysis.TextEdit
		locals bool
		want   []string
	}{
		{[]analysis.TextEdit{span(body[0], body[0])}, true, []string{"strings", "p"}}, // x is used after
		{[]analysis.TextEdit{span(body[0], body[0])}, false, []string{"strings"}},
		{[]analysis.TextEdit{span(body[1], body[1])}, true, nil}, // fmt is used in g
		{[]analysis.TextEdit{span(body[1], body[1]), span(body[4], body[4])}, true, []string{"x", "os"}},
		{[]analysis.TextEdit{span(body[4], body[4])}, false, []string{"os"}},
		{[]analysis.TextEdit{span(body[2], body[3])}, true, []string{"t"}},
	} {
		if got := names(ix.LastUses(f, tc.edits, tc.locals)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LastUses(%v, locals=%v) = %v, want %v", tc.edits, tc.locals, got, tc.want)
		}
	}
	fix := &analysis.SuggestedFix{TextEdits: []analysis.TextEdit{span(body[4], body[4])}}
	if !ix.DropsImport(f, fix, true) {
		t.Errorf("DropsImport: the only os.Remove replaced, want true")
	}
	fix.TextEdits[0].NewText = []byte("return os.RemoveAll(x)")
	if ix.DropsImport(f, fix, true) || !ix.DropsImport(f, fix, false) {
		t.Errorf("DropsImport: a moved os. must count as a use only when moved")
	}
}

func TestFreshName(t *testing.T) {
	scope := types.NewScope(types.Universe, token.NoPos, token.NoPos, "")
	scope.Insert(types.NewVar(token.NoPos, nil, "f", types.Typ[types.Int]))
	scope.Insert(types.NewVar(token.NoPos, nil, "f1", types.Typ[types.Int]))
	if got := fixutil.FreshName(scope, token.NoPos, "f"); got != "f2" {
		t.Errorf("FreshName(f) = %s, want f2", got)
	}
	if got := fixutil.FreshName(scope, token.NoPos, "err", "err"); got != "err1" {
		t.Errorf("FreshName(err, avoid err) = %s, want err1", got)
	}
	if got := fixutil.FreshName(scope, token.NoPos, "len"); got != "len1" {
		t.Errorf("FreshName(len) = %s, want len1 (a universe name is in scope)", got)
	}
}
