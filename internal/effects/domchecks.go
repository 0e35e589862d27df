package effects

import (
	"golang.org/x/tools/go/ssa"
)

// A DomChecks indexes the checks of one function by the dominator tree,
// so that the checks that dominate a block are found by walking up from
// the block, nearest first, instead of testing every check of the
// function for every use (quadratic in a function of thousands of
// checks and uses on one path).
type DomChecks struct {
	checks  []*CheckSite
	byBlock map[*ssa.BasicBlock][]int           // the indices in checks of each block's checks, ascending
	up      map[*ssa.BasicBlock]*ssa.BasicBlock // the nearest strict dominator of a block that has checks, or nil
	// ordered reports that walking up gives the checks in descending
	// index order: along every chain of the dominator tree, a block's
	// checks come after those of the blocks that dominate it in checks
	// (the order of the function's blocks). Otherwise the index is not
	// used and every check is tested, as before.
	ordered bool
}

func newDomChecks(fn *ssa.Function, checks []*CheckSite) *DomChecks {
	ix := &DomChecks{
		checks:  checks,
		byBlock: make(map[*ssa.BasicBlock][]int),
		up:      make(map[*ssa.BasicBlock]*ssa.BasicBlock),
		ordered: true,
	}
	for i, c := range checks {
		b := c.Call.Block()
		ix.byBlock[b] = append(ix.byBlock[b], i)
	}
	visited := make(map[*ssa.BasicBlock]bool, len(fn.Blocks))
	// Preorder over the dominator tree from each root (the entry, and the
	// recover block), without recursion.
	var stack []*ssa.BasicBlock
	for _, root := range fn.Blocks {
		if root.Idom() != nil || visited[root] {
			continue
		}
		visited[root] = true
		ix.up[root] = nil
		stack = append(stack[:0], root)
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			// The checks above b's children: b's own, or those above b.
			above := ix.up[b]
			if own := ix.byBlock[b]; len(own) > 0 {
				if above != nil {
					prev := ix.byBlock[above]
					if own[0] < prev[len(prev)-1] {
						ix.ordered = false
					}
				}
				above = b
			}
			for _, k := range b.Dominees() {
				if !visited[k] {
					visited[k] = true
					ix.up[k] = above
					stack = append(stack, k)
				}
			}
		}
	}
	for b := range ix.byBlock {
		if !visited[b] {
			ix.ordered = false // not in the dominator tree: leave it to Dominates
		}
	}
	return ix
}

// Dominating calls yield with the checks whose block dominates blk (blk
// included), in descending index order (the nearest preceding check
// first, for the checks on one chain), until yield returns false.
func (ix *DomChecks) Dominating(blk *ssa.BasicBlock, yield func(c *CheckSite) bool) {
	if !ix.ordered {
		ix.dominatingSlow(blk, yield)
		return
	}
	b := blk
	if len(ix.byBlock[b]) == 0 {
		b = ix.up[b]
	}
	for ; b != nil; b = ix.up[b] {
		own := ix.byBlock[b]
		for j := len(own) - 1; j >= 0; j-- {
			if !yield(ix.checks[own[j]]) {
				return
			}
		}
	}
}

// dominatingSlow is dominating by testing every check.
func (ix *DomChecks) dominatingSlow(blk *ssa.BasicBlock, yield func(c *CheckSite) bool) {
	for i := len(ix.checks) - 1; i >= 0; i-- {
		c := ix.checks[i]
		if !c.Call.Block().Dominates(blk) {
			continue
		}
		if !yield(c) {
			return
		}
	}
}
