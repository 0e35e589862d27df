package pathflow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit/ssakittest"
)

// TestDeciderIndex compares Decider's dominator-tree answers with the
// reachability searches it replaces (forced by a Stop that stops
// nothing), for every if and block of the functions of a few standard
// packages, loops, switches, gotos, defers and recovers included.
func TestDeciderIndex(t *testing.T) {
	prog := ssakittest.StdProgram(t)
	pairs := 0
	for fn := range ssautil.AllFunctions(prog) {
		if fn.Pkg == nil || len(fn.Blocks) > 300 {
			continue
		}
		var fast pathflow.Branches
		slow := pathflow.Branches{Stop: func(*ssa.BasicBlock) bool { return false }}
		for _, c := range fn.Blocks {
			if len(c.Succs) != 2 {
				continue
			}
			for _, b := range fn.Blocks {
				pairs++
				if got, want := fast.Decider(c, b), slow.Decider(c, b); got != want {
					t.Fatalf("%s: Decider(%s, %s) = %d, want %d", fn, c, b, got, want)
				}
			}
		}
	}
	if pairs < 10000 {
		t.Errorf("only %d pairs compared", pairs)
	}
	t.Logf("%d pairs compared", pairs)
}
