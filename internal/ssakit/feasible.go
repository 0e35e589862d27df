package ssakit

import (
	"go/token"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// FeasiblyReaches reports whether b can run after a, in a's function, on
// a path that runs none of the instructions in avoid and that the
// nil-ness of the values the path's branches test allows: a branch on
// x == nil or x != nil whose outcome an earlier branch of the path (or a
// φ-node's value on the edge taken) already decided goes only its decided
// way. It sees through the error-accumulating idiom
//
//	if err == nil {
//		err = f.Sync()
//	}
//	if cerr := f.Close(); err == nil {
//		err = cerr
//	}
//	if err != nil {
//		return err
//	}
//	return os.Rename(tmp, name)
//
// where the only path that skips Sync keeps err non-nil and returns: no
// path that skips it reaches the rename. It explores at most budget
// states (block and known facts) and reports true when the budget runs
// out, as a plain reachability question would.
func FeasiblyReaches(a, b ssa.Instruction, avoid map[ssa.Instruction]bool) bool {
	const budget = 2000
	type state struct {
		blk   *ssa.BasicBlock
		from  int                // the first instruction to run in blk
		facts map[ssa.Value]bool // value → known non-nil
	}
	key := func(s state) string {
		var parts []string
		for v, nonNil := range s.facts {
			parts = append(parts, v.Name()+map[bool]string{true: "!", false: "="}[nonNil])
		}
		sort.Strings(parts)
		return s.blk.String() + "|" + strings.Join(parts, ",")
	}
	start := 0
	for i, instr := range a.Block().Instrs {
		if instr == a {
			start = i + 1
		}
	}
	seen := map[string]bool{}
	stack := []state{{a.Block(), start, map[ssa.Value]bool{}}}
	for n := 0; len(stack) > 0; n++ {
		if n > budget {
			return true
		}
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		blocked := false
		for _, instr := range s.blk.Instrs[s.from:] {
			if instr == b {
				return true
			}
			if avoid[instr] {
				blocked = true
				break
			}
		}
		if blocked {
			continue
		}
		succs := s.blk.Succs
		var tested ssa.Value
		var onTrueNonNil bool
		if iff, ok := s.blk.Instrs[len(s.blk.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			tested, onTrueNonNil = nilTest(iff.Cond)
		}
		for i, succ := range succs {
			facts := s.facts
			if tested != nil {
				nonNil := onTrueNonNil == (i == 0)
				if known, ok := facts[tested]; ok && known != nonNil {
					continue // the path already decided this branch the other way
				}
				facts = withFact(facts, tested, nonNil)
			}
			facts = throughPhis(facts, s.blk, succ)
			next := state{succ, 0, facts}
			if k := key(next); !seen[k] {
				seen[k] = true
				stack = append(stack, next)
			}
		}
	}
	return false
}

// nilTest returns the value cond compares with nil (x == nil, x != nil,
// nil == x) and whether cond's being true says it is non-nil.
func nilTest(cond ssa.Value) (ssa.Value, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return nil, false
	}
	x, y := bin.X, bin.Y
	if IsNil(x) {
		x, y = y, x
	}
	if !IsNil(y) || IsNil(x) {
		return nil, false
	}
	return x, bin.Op == token.NEQ
}

// withFact returns facts with v's nil-ness added, copying the map.
func withFact(facts map[ssa.Value]bool, v ssa.Value, nonNil bool) map[ssa.Value]bool {
	out := maps.Clone(facts)
	if out == nil {
		out = map[ssa.Value]bool{}
	}
	out[v] = nonNil
	return out
}

// throughPhis carries what facts say of the values flowing into succ's
// φ-nodes along the edge from blk, and drops what they said of the
// φ-nodes before (a loop's next turn gives them new values). The values
// are read in facts as they were on blk's exit.
func throughPhis(facts map[ssa.Value]bool, blk, succ *ssa.BasicBlock) map[ssa.Value]bool {
	edge := slices.Index(succ.Preds, blk)
	var out map[ssa.Value]bool
	for _, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if out == nil {
			out = maps.Clone(facts)
		}
		delete(out, phi)
		if edge < 0 || edge >= len(phi.Edges) {
			continue
		}
		v := phi.Edges[edge]
		if nonNil, ok := facts[v]; ok {
			out[phi] = nonNil
		} else if IsNil(v) {
			out[phi] = false
		}
	}
	if out == nil {
		return facts
	}
	return out
}
