package ssabuild_test

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssabuild"
)

// neverReturns reports every call that the SSA builder was told never
// returns: such a call is followed, in its block, by the builder's
// synthetic panic at the same position.
var neverReturns = &analysis.Analyzer{
	Name:     "neverreturns",
	Doc:      "report calls the SSA builder treats as never returning",
	Requires: []*analysis.Analyzer{ssabuild.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, fn := range pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA).Funcs() {
			for _, b := range fn.Blocks {
				for i, instr := range b.Instrs {
					call, ok := instr.(*ssa.Call)
					if !ok {
						continue
					}
					for _, next := range b.Instrs[i+1:] {
						if p, ok := next.(*ssa.Panic); ok && p.Pos() == call.Pos() {
							pass.Reportf(call.Pos(), "%s never returns", calleeName(call))
						}
					}
				}
			}
		}
		return nil, nil
	},
}

func calleeName(call *ssa.Call) string {
	if fn, ok := call.Call.StaticCallee().Object().(*types.Func); ok {
		return fn.Name()
	}
	return "?"
}

// listFuncs reports each function of Funcs at its position (the package
// initializer, which has none, at the package clause), and that the list
// holds each function once.
var listFuncs = &analysis.Analyzer{
	Name:     "listfuncs",
	Doc:      "report every function of ssabuild's list",
	Requires: []*analysis.Analyzer{ssabuild.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		seen := make(map[*ssa.Function]bool)
		for _, fn := range pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA).Funcs() {
			if seen[fn] {
				pass.Reportf(fn.Pos(), "function %s listed twice", fn.Name())
			}
			seen[fn] = true
			if fn.Synthetic != "" {
				continue // the package initializer: its literals are listed
			}
			pass.Reportf(fn.Pos(), "function %s", fn.Name())
		}
		return nil, nil
	},
}

// TestFuncs checks the contract of Funcs: every function written in the
// package, the literals of package-level initializers included (a cobra
// Run field, a var x = func() {...}).
func TestFuncs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), listFuncs, "funcs")
}

func TestNoReturn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), neverReturns, "noreturn")
}

// TestNoFactsNoPrerequisites guards the reason the package exists: a fact
// or a prerequisite with facts would make drivers analyze every
// dependency from source.
func TestNoFactsNoPrerequisites(t *testing.T) {
	if n := len(ssabuild.Analyzer.FactTypes); n > 0 {
		t.Errorf("ssabuild declares %d fact types; want none", n)
	}
	if n := len(ssabuild.Analyzer.Requires); n > 0 {
		t.Errorf("ssabuild requires %d analyzers; want none", n)
	}
}

// testCode reports every store to a package-level variable, saying
// whether TestCode takes it for test code.
var testCode = &analysis.Analyzer{
	Name:     "testcode",
	Doc:      "report stores to package-level variables and whether they are test code",
	Requires: []*analysis.Analyzer{ssabuild.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Path() != "testcode" {
			return nil, nil // the generated test main
		}
		res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
		for _, fn := range res.Funcs() { // the package initializer included
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					st, ok := instr.(*ssa.Store)
					if !ok {
						continue
					}
					g, ok := st.Addr.(*ssa.Global)
					if !ok || g.Object() == nil {
						continue
					}
					what := "store"
					if res.TestCode(st) {
						what = "test store"
					}
					pass.Reportf(st.Pos(), "%s to %s", what, g.Name())
				}
			}
		}
		return nil, nil
	},
}

// TestTestCode checks which code TestCode takes for test code: functions
// and literals declared in _test.go files, and the initializers of their
// package-level variables, which go/ssa puts in the package initializer.
func TestTestCode(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testCode, "testcode")
}
