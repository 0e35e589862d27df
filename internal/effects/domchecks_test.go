package effects

import (
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/toctou/toctou/internal/ssakit/ssakittest"
)

// TestDomChecksOrder compares the checks that domChecks finds by walking
// up the dominator tree with the ones every check's dominance test finds
// (the loop it replaces), in the same order, for every block of the
// functions of a few standard packages, taking every call as a check.
func TestDomChecksOrder(t *testing.T) {
	prog := ssakittest.StdProgram(t)
	var blocks, ordered, funcs int
	for fn := range ssautil.AllFunctions(prog) {
		if fn.Pkg == nil || len(fn.Blocks) == 0 {
			continue
		}
		var checks []*CheckSite
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					checks = append(checks, &CheckSite{Call: call})
				}
			}
		}
		if len(checks) == 0 {
			continue
		}
		funcs++
		ix := newDomChecks(fn, checks)
		if ix.ordered {
			ordered++
		}
		for _, b := range fn.Blocks {
			blocks++
			var got, want []*CheckSite
			ix.Dominating(b, func(c *CheckSite) bool { got = append(got, c); return true })
			ix.dominatingSlow(b, func(c *CheckSite) bool { want = append(want, c); return true })
			if len(got) != len(want) {
				t.Fatalf("%s, %s: %d checks dominate, want %d", fn, b, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s, %s: check %d is %v, want %v", fn, b, i, got[i].Call, want[i].Call)
				}
			}
			// Stopping early stops.
			n := 0
			ix.Dominating(b, func(*CheckSite) bool { n++; return false })
			if n > 1 {
				t.Fatalf("%s, %s: %d calls after yield returned false", fn, b, n)
			}
		}
	}
	if ordered < funcs/2 {
		t.Errorf("the index applies to %d of %d functions only", ordered, funcs)
	}
	t.Logf("%d blocks of %d functions compared, %d functions indexed", blocks, funcs, ordered)
}
