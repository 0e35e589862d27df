package blindretry

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A loop is a natural loop of a function's control-flow graph: a header
// block that dominates the sources of the back edges to it, and every
// block from which a back edge can be reached without the header.
type loop struct {
	header *ssa.BasicBlock
	blocks map[*ssa.BasicBlock]bool
	// retryShaped: a three-clause or condition-only for loop, an infinite
	// for {}, or a range over an integer. Ranges over slices, maps,
	// channels, strings and iterators go over items.
	retryShaped bool
}

// loopsOf returns fn's natural loops, innermost (smallest) first.
func loopsOf(fn *ssa.Function) []*loop {
	byHeader := map[*ssa.BasicBlock]*loop{}
	var out []*loop
	for _, b := range fn.Blocks {
		for _, h := range b.Succs {
			if !h.Dominates(b) {
				continue
			}
			l := byHeader[h]
			if l == nil {
				l = &loop{header: h, blocks: map[*ssa.BasicBlock]bool{h: true}}
				switch h.Comment {
				case "for.body", "for.loop", "rangeint.body", "rangeint.loop":
					l.retryShaped = true
				}
				byHeader[h] = l
				out = append(out, l)
			}
			stack := []*ssa.BasicBlock{b}
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if l.blocks[x] {
					continue
				}
				l.blocks[x] = true
				stack = append(stack, x.Preds...)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *loop) int { return len(a.blocks) - len(b.blocks) })
	return out
}

// iterates reports whether v changes from one iteration of l to the next
// because it comes from the loop's induction variable or from an item
// received in the loop: an operation on such a value is a loop over
// items, not a retry.
func iterates(v ssa.Value, l *loop, depth int) bool {
	if depth > 8 || v == nil {
		return false
	}
	depth++
	instr, ok := v.(ssa.Instruction)
	if !ok || !l.blocks[instr.Block()] {
		return false
	}
	switch v := v.(type) {
	case *ssa.Phi:
		if v.Block() == l.header {
			return true
		}
		for _, e := range v.Edges {
			if iterates(e, l, depth) {
				return true
			}
		}
		return false
	case *ssa.UnOp:
		if v.Op == token.ARROW {
			return true // received from a channel in the loop
		}
		if c := loadedCell(v); c != nil {
			for _, s := range c.stores() {
				if l.blocks[s.Block()] && iterates(s.Val, l, depth) {
					return true
				}
			}
			return false
		}
	case *ssa.Next, *ssa.Select:
		return true
	case *ssa.Alloc:
		for _, e := range elements(v) {
			if iterates(e, l, depth) {
				return true // a variadic or literal slice of the item
			}
		}
		return false
	}
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if *op != nil && iterates(*op, l, depth) {
			return true
		}
	}
	return false
}

// elements returns the values stored into the elements and fields of a
// composite literal, variadic or slice literal Alloc.
func elements(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, r := range *a.Referrers() {
		var addr ssa.Value
		switch r := r.(type) {
		case *ssa.IndexAddr:
			addr = r
		case *ssa.FieldAddr:
			addr = r
		default:
			continue
		}
		for _, rr := range *addr.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == addr {
				out = append(out, st.Val)
			}
		}
	}
	return out
}
