package byname

import (
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
)

// funcState holds what one function's analysis shares between questions:
// the handle flow of internal/effects (what the function does with each
// handle, where an open succeeded, which blocks never return).
type funcState struct {
	*effects.OpenFlow
}

// newFuncState indexes fn for the questions about its handles.
func newFuncState(st *state, fn *ssa.Function) *funcState {
	return &funcState{OpenFlow: st.openers.NewOpenFlow(fn)}
}

// stillOpen reports whether some path from the open o to the instruction
// at (which o dominates) closes neither the file nor re-runs the open.
func (s *funcState) stillOpen(o *effects.OpenSite, at ssa.Instruction, h *effects.Handle) bool {
	closesIn := map[*ssa.BasicBlock][]int{}
	for _, c := range h.Closes {
		closesIn[c.Block()] = append(closesIn[c.Block()], s.Index[c])
	}
	closedBetween := func(b *ssa.BasicBlock, from, to int) bool {
		for _, i := range closesIn[b] {
			if from < i && i < to {
				return true
			}
		}
		return false
	}
	ob, oi := o.Call.Block(), s.Index[o.Call]
	ab, ai := at.Block(), s.Index[at]
	if ob == ab {
		// Leaving the block and coming back would run the open again.
		return oi < ai && !closedBetween(ob, oi, ai)
	}
	if closedBetween(ob, oi, len(ob.Instrs)) || s.NoReturn[ob] {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{ob: true}
	stack := append([]*ssa.BasicBlock(nil), ob.Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == ab {
			if !closedBetween(b, -1, ai) {
				return true
			}
			continue
		}
		if len(closesIn[b]) > 0 || s.NoReturn[b] {
			continue
		}
		stack = append(stack, b.Succs...)
	}
	return false
}

// closedOnSomePath reports whether some path from the open o to the
// instruction at may close the file first: the call by name is reported
// for the paths that leave it open, but a handle's method would fail on
// the others.
func (s *funcState) closedOnSomePath(o *effects.OpenSite, at ssa.Instruction, h *effects.Handle) bool {
	for _, c := range h.Closes {
		if s.ReachesInstr(o.Call, c) && s.ReachesInstr(c, at) {
			return true
		}
	}
	return false
}
