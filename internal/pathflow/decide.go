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
		if ix := br.index(cond.Parent()); ix != nil && !ix.onCycle[cond.Index] {
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

// A domIndex answers Decider for the ifs of one function that are on no
// cycle of its control-flow graph, when nothing stops paths (Stop is nil)
// and the function has no Recover block, so that every block is reached
// from the entry.
//
// Let cond be on no cycle, dominate target, and let child be the child of
// cond in the dominator tree whose subtree holds target. A successor s of
// cond reaches target without passing through cond exactly when it
// reaches child that way: every path from the entry to target passes
// through child, after cond (child before cond would put cond on a cycle
// or make cond not dominate child), and child reaches target without
// cond (cond after child would put cond on a cycle). So the answer
// depends on (cond, child) alone, one per edge of the dominator tree, and
// each is found by a search backwards from child that stops at cond: it
// visits only the blocks between cond and child.
type domIndex struct {
	pre, last []int32 // dominator-tree preorder number of each block, and the largest in its subtree
	onCycle   []bool
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
		onCycle:  make([]bool, n),
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
	ix.markCycles(fn)
	return ix
}

// markCycles sets onCycle for the blocks in a strongly connected
// component of more than one block, or with an edge to themselves
// (Tarjan's algorithm, without recursion).
func (ix *domIndex) markCycles(fn *ssa.Function) {
	n := len(fn.Blocks)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var counter int32
	var stack []int
	type frame struct {
		v    int
		next int
	}
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		calls := []frame{{v: root}}
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			top := &calls[len(calls)-1]
			v := top.v
			succs := fn.Blocks[v].Succs
			if top.next < len(succs) {
				w := succs[top.next].Index
				top.next++
				if w == v {
					ix.onCycle[v] = true
				}
				if index[w] < 0 {
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{v: w})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				if u := calls[len(calls)-1].v; low[v] < low[u] {
					low[u] = low[v]
				}
			}
			if low[v] == index[v] {
				size := 0
				for i := len(stack) - 1; ; i-- {
					size++
					if stack[i] == v {
						break
					}
				}
				comp := stack[len(stack)-size:]
				stack = stack[:len(stack)-size]
				for _, w := range comp {
					onStack[w] = false
					if size > 1 {
						ix.onCycle[w] = true
					}
				}
			}
		}
	}
}

// decider answers Decider(cond, target) for a cond on no cycle that
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
