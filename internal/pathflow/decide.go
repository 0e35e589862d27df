package pathflow

import "golang.org/x/tools/go/ssa"

// Branches answers, for one function, which branch of an if decides
// whether a block runs. It caches reachability, so one Branches serves
// every question about its function.
type Branches struct {
	// Stop, if set, marks blocks whose successors are never reached, such
	// as blocks that call a function that never returns; the block itself
	// is still reached.
	Stop  func(*ssa.BasicBlock) bool
	reach map[[2]*ssa.BasicBlock]map[*ssa.BasicBlock]bool
}

// Decider returns the successor index (0 for the true edge, 1 for the
// false edge) of the if that ends block cond through which target is
// reached, when target runs only on that edge: cond dominates target, and
// target cannot be reached from the other successor without passing
// through cond again. It returns -1 when the branch does not decide.
func (br *Branches) Decider(cond, target *ssa.BasicBlock) int {
	if cond == target || len(cond.Succs) != 2 || !cond.Dominates(target) {
		return -1
	}
	t := br.reaches(cond.Succs[0], cond, target)
	f := br.reaches(cond.Succs[1], cond, target)
	switch {
	case t && !f:
		return 0
	case f && !t:
		return 1
	}
	return -1
}

// Reaches reports whether target is reachable from start along paths
// that avoid the block avoid and do not leave a block that Stop marks.
func (br *Branches) Reaches(start, avoid, target *ssa.BasicBlock) bool {
	return br.reaches(start, avoid, target)
}

// reaches is Reaches.
func (br *Branches) reaches(start, avoid, target *ssa.BasicBlock) bool {
	if start == avoid {
		return false
	}
	key := [2]*ssa.BasicBlock{start, avoid}
	seen, ok := br.reach[key]
	if !ok {
		seen = map[*ssa.BasicBlock]bool{start: true}
		stack := []*ssa.BasicBlock{start}
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if br.Stop != nil && br.Stop(b) {
				continue
			}
			for _, s := range b.Succs {
				if s != avoid && !seen[s] {
					seen[s] = true
					stack = append(stack, s)
				}
			}
		}
		if br.reach == nil {
			br.reach = make(map[[2]*ssa.BasicBlock]map[*ssa.BasicBlock]bool)
		}
		br.reach[key] = seen
	}
	return seen[target]
}
