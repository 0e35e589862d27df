package lockfile

import (
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// keptRecord reports whether the file that fn creates exclusively at s,
// removing it only on error paths and handing the caller neither its
// handle, its path nor a release, is a record kept on success rather than
// a lock acquired for the caller: no other function of the package
// removes a file named the way this one is. A lock acquired for a caller
// is released by recomputing its name (Unlock(key) removes lockPath(key));
// a reservation record (one file per reserved address, as the CNI
// host-local IPAM store keeps) is removed by listing its directory, and
// the failure of a later step that leaves it behind is no held lock.
// A name that comes straight from a parameter is the caller's, which
// removes it itself: that stays a lock.
func (st *state) keptRecord(fn *ssa.Function, sa *siteAnalysis) bool {
	s := sa.s
	if !s.direct || sa.holder || sa.handedOff || s.path.field != nil {
		return false
	}
	name := st.paths.Uncleaned(s.path.base)
	if _, ok := name.(*ssa.Parameter); ok {
		return false
	}
	for _, g := range st.prog.Funcs() {
		if ssakit.Encloses(fn, g) {
			continue
		}
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				for _, removed := range st.removedNames(ci.Common()) {
					if removed == nil || pathflow.MayNameSame(removed, name) {
						return false
					}
				}
			}
		}
	}
	return true
}

// removedNames returns the names the call removes (or renames away), by
// the standard library's table or a summary of the analyzed code; a nil
// element is a name this cannot tell (a field of an argument).
func (st *state) removedNames(common *ssa.CallCommon) []ssa.Value {
	callee := ssakit.Callee(common)
	if callee == nil || common.IsInvoke() {
		return nil
	}
	var out []ssa.Value
	if entry, ok := fsops.Lookup(callee); ok {
		for _, pa := range entry.Paths {
			if pa.Index < len(common.Args) && releaseOp(fsops.Classify(pa, common, callee)) {
				out = append(out, common.Args[pa.Index])
			}
		}
		return out
	}
	if f := st.factOf(callee); f != nil {
		for _, r := range f.Release {
			switch {
			case r.Param >= len(common.Args):
			case r.Field != "":
				out = append(out, nil)
			default:
				out = append(out, common.Args[r.Param])
			}
		}
	}
	return out
}
