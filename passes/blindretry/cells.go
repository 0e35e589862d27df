package blindretry

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// A cell is a local variable that lives in memory because a function
// literal captures it (or its address is taken): an *ssa.Alloc and the
// free variables of the closures bound to it. Its address goes nowhere
// else, so its stores and loads are all there is.
type cell struct {
	addrs []ssa.Value // the Alloc and the FreeVars bound to it
}

// cellOf returns the cell whose address is addr, or nil when addr is not
// a local variable or its address escapes.
func cellOf(addr ssa.Value) *cell {
	root := rootAlloc(addr, 0)
	if root == nil {
		return nil
	}
	c := &cell{}
	seen := map[ssa.Value]bool{}
	var visit func(a ssa.Value) bool
	visit = func(a ssa.Value) bool {
		if seen[a] {
			return true
		}
		seen[a] = true
		c.addrs = append(c.addrs, a)
		refs := a.Referrers()
		if refs == nil {
			return true
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Store:
				if r.Val == a {
					return false // the address itself is stored
				}
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.MakeClosure:
				for _, fv := range ssakit.CapturedAs(r, a) {
					if !visit(fv) {
						return false
					}
				}
			default:
				return false // handed to a call, indexed, converted
			}
		}
		return true
	}
	if !visit(root) {
		return nil
	}
	return c
}

// loadedCell returns the cell v loads from, or nil.
func loadedCell(v ssa.Value) *cell {
	u, ok := isLoad(v)
	if !ok {
		return nil
	}
	return cellOf(u.X)
}

// rootAlloc resolves a free variable to the Alloc of the enclosing
// function it was bound to.
func rootAlloc(addr ssa.Value, depth int) *ssa.Alloc {
	if depth > 8 {
		return nil
	}
	switch a := addr.(type) {
	case *ssa.Alloc:
		if a.Comment == "complit" || a.Comment == "slicelit" || a.Comment == "varargs" || a.Comment == "new" || a.Comment == "makeslice" {
			return nil // a composite literal, not a variable
		}
		return a
	case *ssa.FreeVar:
		if b := ssakit.Binding(a); b != nil {
			return rootAlloc(b, depth+1)
		}
	}
	return nil
}

// stores returns the stores into the cell.
func (c *cell) stores() []*ssa.Store {
	var out []*ssa.Store
	for _, a := range c.addrs {
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a {
				out = append(out, st)
			}
		}
	}
	return out
}

// loads returns the loads from the cell.
func (c *cell) loads() []ssa.Value {
	var out []ssa.Value
	for _, a := range c.addrs {
		for _, r := range *a.Referrers() {
			if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == a {
				out = append(out, u)
			}
		}
	}
	return out
}
