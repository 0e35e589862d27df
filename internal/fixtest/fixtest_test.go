package fixtest_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/toctou/toctou/internal/fixtest"
)

// createAnalyzer reports every call of os.Create with the fixes that
// fixes returns for it.
func createAnalyzer(name string, fixes func(call *ast.CallExpr) []analysis.SuggestedFix) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: name,
		Doc:  "report os.Create calls (a fixtest test analyzer)",
		Run: func(pass *analysis.Pass) (any, error) {
			for cur := range inspector.New(pass.Files).Root().Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
				if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "Create" {
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos:            call.Pos(),
					End:            call.End(),
					Message:        "os.Create call",
					SuggestedFixes: fixes(call),
				})
			}
			return nil, nil
		},
	}
}

// exclusive rewrites os.Create(p) to an exclusive os.OpenFile: it compiles.
func exclusive(call *ast.CallExpr) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{
		Message: "Create exclusively",
		TextEdits: []analysis.TextEdit{
			{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte("os.OpenFile")},
			{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666")},
		},
	}}
}

// extraArg adds an argument os.Create does not take: a type error.
func extraArg(call *ast.CallExpr) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{
		Message:   "Add an argument",
		TextEdits: []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", 0o600")}},
	}}
}

// unbalanced leaves a parenthesis open: a parse error.
func unbalanced(call *ast.CallExpr) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{
		Message:   "Break the syntax",
		TextEdits: []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen + 1, NewText: []byte("(")}},
	}}
}

func TestGoodFix(t *testing.T) {
	t.Parallel()
	results := fixtest.Run(t, "testdata", createAnalyzer("exclusive", exclusive), "create")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	r := results[0]
	// Three calls, each reported in the package and in its test variant.
	if r.Fixes != 3 {
		t.Errorf("applied %d fixes, want 3", r.Fixes)
	}
	got := string(r.Fixed["src/create/create.go"])
	if n := strings.Count(got, "os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)"); n != 1 {
		t.Errorf("fixed create.go has %d rewritten calls of Open, want 1:\n%s", n, got)
	}
	if strings.Contains(got, "os.Create(") {
		t.Errorf("fixed create.go still calls os.Create:\n%s", got)
	}
}

func TestTypeErrorCaught(t *testing.T) {
	t.Parallel()
	msgs := expectFailure(t, func(tb testing.TB) {
		fixtest.Run(tb, "testdata", createAnalyzer("extraarg", extraArg), "create")
	})
	wantAll(t, msgs, "do not compile", "too many arguments", "-- src/create/create.go (fixed) --", "os.Create(p, 0o600)")
}

func TestParseErrorCaught(t *testing.T) {
	t.Parallel()
	msgs := expectFailure(t, func(tb testing.TB) {
		fixtest.Run(tb, "testdata", createAnalyzer("unbalanced", unbalanced), "create")
	})
	wantAll(t, msgs, "does not parse after the fixes", "os.Create(p(")
}

func TestBadAlternativeCaught(t *testing.T) {
	t.Parallel()
	a := createAnalyzer("alternatives", func(call *ast.CallExpr) []analysis.SuggestedFix {
		return append(exclusive(call), extraArg(call)...)
	})
	var results []*fixtest.Result
	msgs := expectFailure(t, func(tb testing.TB) {
		results = fixtest.Run(tb, "testdata", a, "create")
	})
	wantAll(t, msgs, "alternative 1 of src/create/create.go:", "Add an argument", "too many arguments")
	if strings.Contains(strings.Join(msgs, "\n"), "first fixes") {
		t.Errorf("the first fixes compile, but fixtest complained about them:\n%s", strings.Join(msgs, "\n"))
	}
	// One copy for the first fixes, one per alternative of each of the three calls.
	if len(results) != 4 {
		t.Errorf("got %d results, want 4", len(results))
	}
}

func TestOverlapCaught(t *testing.T) {
	t.Parallel()
	// Two different rewrites of the same call, as two diagnostics.
	a := createAnalyzer("overlap", exclusive)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			report(d)
			d.Message = "os.Create call, again"
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Drop the call",
				TextEdits: []analysis.TextEdit{{Pos: d.Pos, End: d.End, NewText: []byte("nil, nil")}},
			}}
			report(d)
		}
		return run(pass)
	}
	msgs := expectFailure(t, func(tb testing.TB) {
		fixtest.Run(tb, "testdata", a, "create")
	})
	wantAll(t, msgs, "edit overlapping text")
}

func TestNoFixes(t *testing.T) {
	t.Parallel()
	none := func(*ast.CallExpr) []analysis.SuggestedFix { return nil }
	msgs := expectFailure(t, func(tb testing.TB) {
		fixtest.Run(tb, "testdata", createAnalyzer("none", none), "create")
	})
	wantAll(t, msgs, "offered no suggested fix")

	if r := fixtest.RunWithOptions(t, fixtest.Options{AllowNoFixes: true}, "testdata", createAnalyzer("none", none), "create"); r != nil {
		t.Errorf("got %d results without fixes, want none", len(r))
	}
}

func TestGeneratedFileSkipped(t *testing.T) {
	t.Parallel()
	// The drivers skip fixes to generated files, so fixtest does too: the
	// (broken) fix is not applied, and there is nothing left to check.
	fixtest.RunWithOptions(t, fixtest.Options{AllowNoFixes: true}, "testdata", createAnalyzer("extraarg", extraArg), "gen")
	msgs := expectFailure(t, func(tb testing.TB) {
		fixtest.Run(tb, "testdata", createAnalyzer("extraarg", extraArg), "gen")
	})
	wantAll(t, msgs, "offered no suggested fix")
}

// oldFact marks a function that has a New replacement.
type oldFact struct{ Replacement string }

func (*oldFact) AFact()           {}
func (f *oldFact) String() string { return "replaced by " + f.Replacement }

// renamer exports a fact for every function OldX that has a NewX in its
// package, and rewrites calls of such functions from other packages:
// the fix needs facts to find them.
var renamer = &analysis.Analyzer{
	Name:      "renamer",
	Doc:       "rewrite calls of OldX to NewX (a fixtest test analyzer)",
	FactTypes: []analysis.Fact{new(oldFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		scope := pass.Pkg.Scope()
		for _, name := range scope.Names() {
			if rest, ok := strings.CutPrefix(name, "Old"); ok && scope.Lookup("New"+rest) != nil {
				pass.ExportObjectFact(scope.Lookup(name), &oldFact{"New" + rest})
			}
		}
		for cur := range inspector.New(pass.Files).Root().Preorder((*ast.SelectorExpr)(nil)) {
			sel := cur.Node().(*ast.SelectorExpr)
			obj := pass.TypesInfo.Uses[sel.Sel]
			var fact oldFact
			if obj == nil || obj.Pkg() == pass.Pkg || !pass.ImportObjectFact(obj, &fact) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:     sel.Sel.Pos(),
				Message: fmt.Sprintf("%s is %s", obj.Name(), fact.String()),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Use " + fact.Replacement,
					TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(fact.Replacement)}},
				}},
			})
		}
		return nil, nil
	},
}

func TestFactsAcrossPackages(t *testing.T) {
	t.Parallel()
	results := fixtest.Run(t, "testdata", renamer, "use")
	if len(results) != 1 || results[0].Fixes != 1 {
		t.Fatalf("results = %v, want one with one fix", results)
	}
	if got := string(results[0].Fixed["src/use/use.go"]); !strings.Contains(got, "dep.NewJoin(") {
		t.Errorf("fixed use.go does not call dep.NewJoin:\n%s", got)
	}
}

// recorder is a testing.TB that records failures instead of failing the
// test, to check that fixtest catches broken fixes.
type recorder struct {
	testing.TB // for TempDir, Cleanup, Name and logging
	mu         sync.Mutex
	msgs       []string
	failed     bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
	r.failed = true
}

func (r *recorder) Error(args ...any) { r.Errorf("%s", fmt.Sprint(args...)) }

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.Error(args...)
	runtime.Goexit()
}

func (r *recorder) Fail() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = true
}

func (r *recorder) FailNow() {
	r.Fail()
	runtime.Goexit()
}

func (r *recorder) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

// expectFailure runs f with a recorder and returns what it recorded; the
// test fails if f did not fail.
func expectFailure(t *testing.T, f func(testing.TB)) []string {
	t.Helper()
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	if !r.Failed() {
		t.Fatal("fixtest did not fail")
	}
	t.Logf("fixtest failed as expected:\n%s", strings.Join(r.msgs, "\n"))
	return r.msgs
}

func wantAll(t *testing.T, msgs []string, substrings ...string) {
	t.Helper()
	all := strings.Join(msgs, "\n")
	for _, s := range substrings {
		if !strings.Contains(all, s) {
			t.Errorf("fixtest's failure lacks %q; it said:\n%s", s, all)
		}
	}
}
