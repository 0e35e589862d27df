package fsops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/toctou/toctou/internal/fsops"
)

const fsabsSrc = `package p

import (
	"embed"
	"io/fs"
	"os"
)

type FS interface {
	Stat(name string) (fs.FileInfo, error)
	OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error)
	Remove(name string) error
}

type kv struct{}

func (kv) Stat(key string) (int, error) { return 0, nil }
func (kv) Remove(key string) error      { return nil }

var content embed.FS

func f(root *os.Root, fsys fs.FS, own FS, k kv, p string) {
	os.Stat(p)                                      // os.Stat check no-fs
	root.Create(p)                                  // (*os.Root).Create op=3 arg=1 fs
	root.Lstat(p)                                   // (*os.Root).Lstat check fs
	fs.Stat(fsys, p)                                // fs.Stat check fs
	fsys.Open(p)                                    // Open op=1 arg=0 fs
	own.OpenFile(p, os.O_CREATE|os.O_EXCL, 0)       // OpenFile op=4 arg=0 fs
	own.OpenFile(p, os.O_WRONLY, 0)                 // OpenFile op=2 arg=0 fs
	own.Remove(p)                                   // Remove op=5 arg=0 fs
	k.Remove(p)                                     // none
	fs.ReadFile(content, p)                         // none
}
`

// TestLookupCall checks the method shapes: each call of f is annotated
// with what LookupCall must say about it.
func TestLookupCall(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", fsabsSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", "p"), []*ast.File{file}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			want[fset.Position(c.Pos()).Line] = strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
		}
	}
	seen := 0
	for _, b := range pkg.Func("f").Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			line := fset.Position(call.Pos()).Line
			w, ok := want[line]
			if !ok {
				continue
			}
			seen++
			got := "none"
			if site, ok := fsops.LookupCall(&call.Call); ok {
				name := site.Callee.Name()
				if sig := site.Callee.Type().(*types.Signature); sig.Recv() != nil {
					if _, ok := sig.Recv().Type().(*types.Pointer); ok {
						name = "(" + types.TypeString(sig.Recv().Type(), nil) + ")." + name
					}
				} else {
					name = site.Callee.Pkg().Name() + "." + name
				}
				if site.Check != fsops.CheckNone {
					got = name + " check"
				} else {
					pa := site.Paths[0]
					got = name + " op=" + itoa(int(fsops.Classify(pa, &call.Call, site.Callee))) + " arg=" + itoa(pa.Index)
				}
				if site.FS != nil {
					got += " fs"
				} else {
					got += " no-fs"
				}
			}
			if got != w {
				t.Errorf("line %d: LookupCall = %q, want %q", line, got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d annotated calls, want %d", seen, len(want))
	}
}

func itoa(i int) string { return string(rune('0' + i)) }
