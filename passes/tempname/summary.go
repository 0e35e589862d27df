package tempname

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// summarize computes the wrapper summaries of the package's named
// functions, callees before callers (ssakit.BottomUp), so that wrappers
// of wrappers are found at any depth.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, st.summarizeFunc)
}

// summarizeFunc adds to fn's summary the creates its body shows, given
// the summaries of its callees, and reports whether it grew.
func (st *state) summarizeFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || len(fn.Params) == 0 {
		return false
	}
	changed := false
	creates, excls := st.sites(fn)
	var br *pathflow.Branches
	for _, c := range creates {
		sh, ok := shapeOf(c.segs)
		if !ok || sh.param < 0 || sh.owner != fn || sh.param >= len(fn.Params) {
			continue
		}
		if br == nil {
			br = new(pathflow.Branches)
		}
		if st.covered(c, excls, br) || st.verifiesOwner(fn, c) || st.deadByConstant(fn, br, c.instr.Block()) ||
			st.steeredByOtherParam(fn, br, c, fn.Params[sh.param]) {
			continue
		}
		pc := ParamCreate{Param: sh.param, Role: sh.role, Op: c.op}
		if sh.role != rolePath {
			pc.Class = sh.cls
		}
		f := st.creates[obj]
		if f == nil {
			f = new(CreatesFact)
			st.creates[obj] = f
		}
		if f.add(pc) {
			changed = true
		}
	}
	return changed
}
