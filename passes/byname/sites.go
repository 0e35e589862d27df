package byname

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// An opSite is a call that acts on a path by name: an entry of fsops's
// table with an Attr (a change of mode, owner, times or size, or a Stat).
type opSite struct {
	call     *ssa.Call
	callee   *types.Func
	path     ssa.Value
	op       fsops.Func
	category string
}

// byNameCategory returns the category of an operation by name of fsops's
// table, or "" for one that is none of byname's.
func byNameCategory(f fsops.Func) string {
	switch f.Attr {
	case fsops.AttrMode:
		return ChmodByName
	case fsops.AttrOwner:
		return ChownByName
	case fsops.AttrTimes:
		return ChtimesByName
	case fsops.AttrSize:
		return TruncateByName
	case fsops.AttrInfo:
		return StatByName
	}
	return ""
}

// sites finds the opens and the operations by name of one function.
func (st *state) sites(fn *ssa.Function) (opens []*effects.OpenSite, ops []*opSite) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call) // deferred and go calls run at other times
			if !ok {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee == nil || callee.Pkg() == nil {
				continue
			}
			if f, ok := fsops.Lookup(callee); ok && byNameCategory(f) != "" {
				if pi := f.Paths[0].Index; pi < len(call.Call.Args) {
					ops = append(ops, &opSite{call: call, callee: callee, path: call.Call.Args[pi], op: f, category: byNameCategory(f)})
				}
				continue
			}
			if o := st.openers.OpenSite(call, callee); o != nil {
				opens = append(opens, o)
			}
		}
	}
	return opens, ops
}

// names reports whether an operation's path names the file o opened: the
// same path value, or h.Name() of the handle itself, also when a local
// variable stored once holds it.
func (s *funcState) names(o *effects.OpenSite, path ssa.Value, h *effects.Handle) bool {
	if o.Path != nil {
		for _, p := range []ssa.Value{path, s.storedValue(path)} {
			if p != nil && pathflow.SamePath(o.Path, p) {
				return true
			}
		}
	}
	return s.nameOf(path, h)
}

// storedValue returns the value a load of a local variable reads when the
// variable is stored once, before the load, and no closure that could
// store it runs before the load (closures that capture it are only
// deferred): sshKeyFile = f.Name() with sshKeyFile captured by a deferred
// os.Remove. It returns nil otherwise.
func (s *funcState) storedValue(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var stored *ssa.Store
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc || stored != nil {
				return nil
			}
			stored = r
		case *ssa.UnOp:
			// another load
		case *ssa.MakeClosure:
			for _, cr := range *r.Referrers() {
				if d, ok := cr.(*ssa.Defer); !ok || d.Call.Value != r {
					return nil
				}
			}
		default:
			return nil // its address goes elsewhere
		}
	}
	if stored == nil || !s.Dominates(stored, load) {
		return nil
	}
	return stored.Val
}
