package pathflow

import (
	"sort"

	"golang.org/x/tools/go/ssa"
)

// Branches answers, for one function, which branch of an if decides
// whether a block runs. It caches what it computes, so one Branches serves
// every question about its function: the answers for a function are
// near-linear in its size, not quadratic in its number of ifs.
type Branches struct {
	// Stop, if set, marks blocks whose successors are never reached, such
	// as blocks that call a function that never returns; the block itself
	// is still reached.
	Stop  func(*ssa.BasicBlock) bool
	reach map[[2]*ssa.BasicBlock]map[*ssa.BasicBlock]bool
	funcs map[*ssa.Function]*domIndex
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
	if br.Stop == nil {
		if ix := br.index(cond.Parent()); ix != nil {
			return ix.decider(cond, target)
		}
	}
	t := br.reaches(cond.Succs[0], cond, target)
	f := br.reaches(cond.Succs[1], cond, target)
	return edge(t, f)
}

func edge(t, f bool) int {
	switch {
	case t && !f:
		return 0
	case f && !t:
		return 1
	}
	return -1
}

// A domIndex answers Decider for the ifs of one function, when nothing
// stops paths (Stop is nil) and the function has no Recover block, so
// that every block is reached from the entry.
//
// Let cond dominate target, and let child be the child of cond in the
// dominator tree whose subtree holds target. Every path from cond to
// target passes through child: the entry reaches cond first without child
// (child is strictly dominated by cond), so a path from cond to target
// without child would give one from the entry to target without child,
// which dominates target. Hence a successor s of cond reaches target
// without passing through cond exactly when it reaches child that way:
// if it reaches target, cond, s and that path form a path from cond to
// target, through child, which is not cond; if it reaches child, child
// reaches target without cond (from the last child on any path from the
// entry to target, a cond after it would start a path to target without
// child). This holds for an if on a cycle too. So the answer depends on
// (cond, child) alone, one per edge of the dominator tree, and each is
// found by a search backwards from child that stops at cond: it visits
// only blocks that cond dominates and that reach child, the blocks
// between cond and child.
type domIndex struct {
	pre, last []int32                               // dominator-tree preorder number of each block, and the largest in its subtree
	children  map[*ssa.BasicBlock][]*ssa.BasicBlock // dominees, in preorder
	answers   map[[2]*ssa.BasicBlock]int8
}

// index returns the domIndex of fn, or nil when it does not apply.
func (br *Branches) index(fn *ssa.Function) *domIndex {
	if fn == nil || fn.Recover != nil || len(fn.Blocks) == 0 {
		return nil
	}
	if ix, ok := br.funcs[fn]; ok {
		return ix
	}
	if br.funcs == nil {
		br.funcs = make(map[*ssa.Function]*domIndex)
	}
	ix := newDomIndex(fn)
	br.funcs[fn] = ix
	return ix
}

func newDomIndex(fn *ssa.Function) *domIndex {
	n := len(fn.Blocks)
	for i, b := range fn.Blocks {
		if b.Index != i {
			return nil
		}
	}
	ix := &domIndex{
		pre:      make([]int32, n),
		last:     make([]int32, n),
		children: make(map[*ssa.BasicBlock][]*ssa.BasicBlock),
		answers:  make(map[[2]*ssa.BasicBlock]int8),
	}
	// Number the dominator tree in preorder, without recursion.
	type frame struct {
		b    *ssa.BasicBlock
		next int
	}
	var num int32
	stack := []frame{{b: fn.Blocks[0]}}
	ix.pre[0] = num
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		kids := top.b.Dominees()
		if top.next < len(kids) {
			k := kids[top.next]
			top.next++
			num++
			ix.pre[k.Index] = num
			stack = append(stack, frame{b: k})
			continue
		}
		ix.last[top.b.Index] = num
		if len(kids) > 0 {
			ix.children[top.b] = kids
		}
		stack = stack[:len(stack)-1]
	}
	return ix
}

// decider answers Decider(cond, target) for a cond that
// dominates target.
func (ix *domIndex) decider(cond, target *ssa.BasicBlock) int {
	kids := ix.children[cond]
	p := ix.pre[target.Index]
	i := sort.Search(len(kids), func(i int) bool { return ix.last[kids[i].Index] >= p })
	if i == len(kids) || ix.pre[kids[i].Index] > p {
		return -1 // not in cond's subtree: cannot happen when cond dominates target
	}
	child := kids[i]
	key := [2]*ssa.BasicBlock{cond, child}
	if a, ok := ix.answers[key]; ok {
		return int(a)
	}
	// The blocks that reach child without passing through cond.
	seen := map[*ssa.BasicBlock]bool{child: true}
	stack := []*ssa.BasicBlock{child}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range b.Preds {
			if p != cond && !seen[p] {
				seen[p] = true
				stack = append(stack, p)
			}
		}
	}
	s0, s1 := cond.Succs[0], cond.Succs[1]
	a := edge(s0 != cond && seen[s0], s1 != cond && seen[s1])
	ix.answers[key] = int8(a)
	return a
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
