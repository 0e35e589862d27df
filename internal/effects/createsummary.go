package effects

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
)

// summarizeCreates adds to fn's summary the creates its body shows
// (Fact.Creates), given the summaries of its callees, and reports whether
// it grew. A create counts when one parameter decides its name (ShapeOf)
// and the function does not own the name first (Covered, VerifiesOwner),
// the create is not dead code (DeadByConstant), and no branch on another
// parameter decides whether it runs.
func (cr *Creators) summarizeCreates(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || len(fn.Params) == 0 {
		return false
	}
	changed := false
	creates, excls := cr.Sites(fn)
	var br *pathflow.Branches
	var fs *FuncState
	for _, c := range creates {
		sh, ok := ShapeOf(c.Segs)
		if !ok || sh.Param < 0 || sh.Owner != fn || sh.Param >= len(fn.Params) {
			continue
		}
		if br == nil {
			br, fs = new(pathflow.Branches), NewFuncState(fn)
		}
		if cr.Covered(c, excls, br) || cr.VerifiesOwner(fn, c) || cr.DeadByConstant(fn, br, c.Instr.Block()) ||
			steeredByOtherParam(fs, br, c, fn.Params[sh.Param]) {
			continue
		}
		pc := Create{Param: sh.Param, Role: sh.Role, Kind: c.Kind}
		if sh.Role != RolePath {
			pc.Class = sh.Cls
		}
		if cr.r.fact(obj).addCreate(pc) {
			changed = true
		}
	}
	return changed
}

// ImportsCreates reports whether a function of another package is known
// to create a name made from a parameter (Fact.Creates): a package that
// imports no file-system package may still call it.
func (r *Result) ImportsCreates() bool {
	for _, f := range r.imported {
		if len(f.Creates) > 0 {
			return true
		}
	}
	return false
}

// createCandidate reports whether a function of the package could create
// a name by a path: the package imports a file-system package, or sees
// creates of other packages' functions (where tempname built SSA before
// its summary moved here).
func (r *Result) createCandidate(pkg *types.Package) bool {
	return fsops.Imports(pkg) || r.ImportsCreates()
}
