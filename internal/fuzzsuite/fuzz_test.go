package fuzzsuite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
)

// FuzzPasses mutates one of the passes' testdata programs, as the
// fuzzer's bytes direct (swap, delete and duplicate statements, replace
// call arguments and string literals other than import paths), type-checks
// the result, and when it type-checks runs every analyzer of the suite
// over it. It fails on a panic, and on any error an analyzer returns: each
// pass's Guard turns a panic into an error.
//
//	go test ./internal/fuzzsuite -run=^$ -fuzz=FuzzPasses -fuzztime=30s
func FuzzPasses(f *testing.F) {
	seeds := loadSeeds(f)
	for i := range seeds {
		f.Add(uint16(i), []byte{})
		f.Add(uint16(i), []byte{0, 1, 2, 1, 3, 0, 2, 5, 1})
		f.Add(uint16(i), []byte{3, 4, 7, 4, 2, 9, 3, 1, 1})
	}
	f.Fuzz(func(t *testing.T, seed uint16, ops []byte) {
		s := seeds[int(seed)%len(seeds)]
		src, ok := mutate(s.src, ops)
		if !ok {
			return
		}
		runSuite(t, s.pkgPath, s.name, src)
	})
}

// TestSeeds runs the suite over every seed unmutated, and over the
// fuzzer's regression inputs in testdata/fuzz (go test runs those too).
func TestSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	analyzed := 0
	for _, s := range seeds {
		if runSuite(t, s.pkgPath, s.name, s.src) {
			analyzed++
		}
	}
	t.Logf("%d of %d seeds type-check alone and were analyzed", analyzed, len(seeds))
	if analyzed < len(seeds)/2 {
		t.Errorf("only %d of %d seeds type-check alone", analyzed, len(seeds))
	}
}

// A seed is one file of a pass's testdata package.
type seed struct {
	pkgPath, name string
	src           []byte
}

var (
	seedsOnce sync.Once
	seedList  []seed
	roots     []string // the passes' testdata/src directories
)

// loadSeeds reads the non-test .go files of every package directly under
// each pass's testdata/src.
func loadSeeds(tb testing.TB) []seed {
	seedsOnce.Do(func() {
		roots, _ = filepath.Glob(filepath.Join("..", "..", "passes", "*", "testdata", "src"))
		sort.Strings(roots)
		for _, root := range roots {
			files, _ := filepath.Glob(filepath.Join(root, "*", "*.go"))
			sort.Strings(files)
			for _, name := range files {
				if strings.HasSuffix(name, "_test.go") {
					continue
				}
				src, err := os.ReadFile(name)
				if err != nil {
					continue
				}
				pkg := filepath.Base(filepath.Dir(name))
				seedList = append(seedList, seed{pkgPath: pkg, name: filepath.Base(name), src: src})
			}
		}
	})
	if len(seedList) == 0 {
		tb.Fatal("no seeds found under passes/*/testdata/src")
	}
	return seedList
}

// mutate parses src and applies the mutations ops encodes, three bytes
// each: an operation, and two indexes into the file's statement lists,
// calls or string literals (taken modulo their number). It returns the
// formatted result, or false when the mutated file does not print.
func mutate(src []byte, ops []byte) ([]byte, bool) {
	if len(ops) == 0 {
		return src, true
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "seed.go", src, parser.ParseComments)
	if err != nil {
		return nil, false
	}
	for i := 0; i+2 < len(ops) && i < 3*16; i += 3 {
		op, a, b := ops[i]%6, int(ops[i+1]), int(ops[i+2])
		var lists []*[]ast.Stmt
		var calls []*ast.CallExpr
		var lits []*ast.BasicLit
		var exprs []ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				// Not an import path: a new one makes the importer compile
				// that package's export data (go list -export), which on a
				// cold build cache can outlast the fuzzing engine's 10 s
				// limit per input and kill the worker ("hung or terminated
				// unexpectedly while minimizing"), and it only ever gives
				// a type error.
				return false
			case *ast.BlockStmt:
				if len(n.List) > 0 {
					lists = append(lists, &n.List)
				}
			case *ast.CaseClause:
				if len(n.Body) > 0 {
					lists = append(lists, &n.Body)
				}
			case *ast.CallExpr:
				calls = append(calls, n)
				for _, a := range n.Args {
					if isLeaf(a) { // a leaf cannot contain the call it replaces an argument of
						exprs = append(exprs, a)
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					lits = append(lits, n)
				}
			}
			return true
		})
		switch op {
		case 0, 1, 2: // swap, delete, duplicate a statement
			if len(lists) == 0 {
				continue
			}
			l := lists[a%len(lists)]
			x, y := b%len(*l), (b/7)%len(*l)
			switch op {
			case 0:
				(*l)[x], (*l)[y] = (*l)[y], (*l)[x]
			case 1:
				*l = append((*l)[:x:x], (*l)[x+1:]...)
			case 2:
				*l = append((*l)[:x+1:x+1], (*l)[x:]...)
			}
		case 3: // replace a call argument with another argument
			if len(calls) == 0 || len(exprs) == 0 {
				continue
			}
			c := calls[a%len(calls)]
			if len(c.Args) == 0 {
				continue
			}
			c.Args[b%len(c.Args)] = exprs[(a+b)%len(exprs)]
		case 4: // replace a string literal with a path
			if len(lits) == 0 {
				continue
			}
			paths := []string{"/tmp/x", "", ".", "..", "/tmp", "a/b", "/tmp/app.lock", "/dev/null", "*", "/tmp/%d.pid"}
			lits[a%len(lits)].Value = strconv.Quote(paths[b%len(paths)])
		case 5: // replace a string literal with another
			if len(lits) < 2 {
				continue
			}
			lits[a%len(lits)].Value = lits[b%len(lits)].Value
		}
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// isLeaf reports whether e is a name, a literal or a selection of a name.
func isLeaf(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		_, ok := e.X.(*ast.Ident)
		return ok
	}
	return false
}

// srcImporter imports the passes' testdata packages (stubs of
// third-party modules) from source, and everything else from export data.
type srcImporter struct {
	mu   sync.Mutex
	fset *token.FileSet
	std  types.Importer
	pkgs map[string]*types.Package
}

var imp = &srcImporter{fset: token.NewFileSet(), std: importer.Default(), pkgs: map[string]*types.Package{}}

func (im *srcImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		if p == nil {
			return nil, fmt.Errorf("cannot import %s", path)
		}
		return p, nil
	}
	im.pkgs[path] = nil // against cycles
	for _, root := range roots {
		dir := filepath.Join(root, filepath.FromSlash(path))
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		var files []*ast.File
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			if f, err := parser.ParseFile(im.fset, n, nil, 0); err == nil {
				files = append(files, f)
			}
		}
		if len(files) == 0 {
			continue
		}
		conf := types.Config{Importer: im, Error: func(error) {}}
		p, _ := conf.Check(path, im.fset, files, nil)
		im.pkgs[path] = p
		return p, nil
	}
	p, err := im.std.Import(path)
	im.pkgs[path] = p
	return p, err
}

// runSuite type-checks src as the only file of package pkgPath and, when
// it type-checks, runs every analyzer of the suite on it, each after those
// it requires (ssabuild, effects),
// and reports whether it did.
func runSuite(t *testing.T, pkgPath, name string, src []byte) bool {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	fset := imp.fset
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return false
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	typeErr := false
	conf := types.Config{Importer: imp, Error: func(error) { typeErr = true }, GoVersion: "go1.26"}
	pkg, _ := conf.Check(pkgPath, fset, []*ast.File{f}, info)
	if typeErr || pkg == nil {
		return false // the drivers do not analyze a package with type errors
	}
	results := map[*analysis.Analyzer]any{}
	facts := map[types.Object][]analysis.Fact{}
	newPass := func(a *analysis.Analyzer) *analysis.Pass {
		return &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      []*ast.File{f},
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   results,
			Report:     func(analysis.Diagnostic) {},
			ReadFile: func(filename string) ([]byte, error) {
				if filename == name {
					return src, nil
				}
				return nil, os.ErrNotExist
			},
			ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
				for _, g := range facts[obj] {
					if reflect.TypeOf(g) == reflect.TypeOf(fact) {
						reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(g).Elem())
						return true
					}
				}
				return false
			},
			ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
				facts[obj] = append(facts[obj], fact)
			},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for obj, fs := range facts {
					for _, g := range fs {
						out = append(out, analysis.ObjectFact{Object: obj, Fact: g})
					}
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact { return nil },
		}
	}
	// Each analyzer after those it requires, once.
	done := map[*analysis.Analyzer]bool{}
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if done[a] {
			return
		}
		done[a] = true
		for _, r := range a.Requires {
			run(r)
		}
		res, err := a.Run(newPass(a))
		if err != nil {
			t.Fatalf("%s on a mutation of %s/%s: %v\n--- source ---\n%s", a.Name, pkgPath, name, err, src)
		}
		results[a] = res
	}
	for _, p := range analyzer.Passes() {
		run(p.Analyzer)
	}
	return true
}

// TestMutateKeepsImports checks that no mutation rewrites an import path:
// each new path would make the importer compile a package, which can
// outlast the fuzzing engine's time limit per input.
func TestMutateKeepsImports(t *testing.T) {
	imports := func(src []byte) []string {
		f, err := parser.ParseFile(token.NewFileSet(), "seed.go", src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, s := range f.Imports {
			paths = append(paths, s.Path.Value)
		}
		return paths
	}
	for _, s := range loadSeeds(t) {
		want := imports(s.src)
		if len(want) == 0 {
			continue
		}
		for op := byte(4); op <= 5; op++ {
			for a := range byte(3) { // the first literals of a file are its import paths
				for b := range byte(6) {
					out, ok := mutate(s.src, []byte{op, a, b})
					if !ok {
						continue
					}
					if got := imports(out); !slices.Equal(got, want) {
						t.Fatalf("%s: ops %v changed the imports %v to %v", s.name, []byte{op, a, b}, want, got)
					}
				}
			}
		}
	}
}
