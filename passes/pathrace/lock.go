package pathrace

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssakit"
)

// isLock reports whether the create-if-absent of c and u, decided d,
// takes a lock: the takeover of a stale lock (d.Stale: a file whose age
// or owner decides whether it is still held is a lock), or a check whose
// present branch refuses (refusesIfPresent: "held") of a file the package
// removes again (released: the lock is given back).
// Its race breaks mutual exclusion, wherever the file is. A create whose
// present branch goes on (skips the write, reads the file) or whose file
// the package keeps (a key, a certificate, a default configuration,
// written once and never removed) is no lock: its race makes two writers
// of one file, the last of which wins.
func (st *state) isLock(c *effects.CheckSite, u *effects.UseSite, d effects.Decision) bool {
	return d.Stale || st.refusesIfPresent(c, u) && st.released(u)
}

// refusesIfPresent reports whether the check's present branch refuses:
// returns an error that is not nil (failsIfPresent), or ends the program
// or the goroutine (a block with no successor that does not return:
// os.Exit, log.Fatal, panic, a helper that never returns).
func (st *state) refusesIfPresent(c *effects.CheckSite, u *effects.UseSite) bool {
	if st.failsIfPresent(c, u) {
		return true
	}
	fs := st.funcState(u.Instr.Parent())
	for _, b := range fs.Fn.Blocks {
		if len(b.Succs) != 0 || len(b.Instrs) == 0 {
			continue
		}
		if _, ret := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ret {
			continue
		}
		if d, ok := fs.Decided(c, b); ok && d.Pol == effects.Present {
			return true
		}
	}
	return false
}

// released reports whether the package removes the file u creates: after
// u in its function (a deferred os.Remove), in a function literal made
// there that removes the same path (a release function handed back), or
// anywhere in the package through the same field or package-level
// variable (l.path set, created, and removed by an Unlock method), or
// through a parameter of the same name of another function (lock(path)
// and unlock(path)). A file named by a parameter of an exported function
// counts as released: its callers, perhaps in other packages, name it
// and may remove it.
func (st *state) released(u *effects.UseSite) bool {
	if st.removedAfter(u) {
		return true
	}
	param, _ := u.Path.(*ssa.Parameter)
	if param != nil && exportedFunc(param.Parent()) {
		// Acquire(lockPath): the caller names the file, and may be in
		// another package, which removes it
		return true
	}
	keys := storageOf(u.Path)
	for _, r := range st.packageRemoves() {
		if b := boundPath(r.Path); b != nil && (b == u.Path || st.paths.SamePath(b, u.Path) || isLoadOf(u.Path, b)) {
			return true
		}
		if rp, ok := r.Path.(*ssa.Parameter); ok && param != nil && rp.Name() == param.Name() && onlyRemoved(rp, r.Instr) {
			// lock(path) and unlock(path): the caller names the file
			// to both (the parameters' names are all that ties them),
			// and the unlock does nothing else with it
			return true
		}
		for _, k := range storageOf(r.Path) {
			for _, l := range keys {
				if k == l {
					return true
				}
			}
		}
	}
	return false
}

// packageRemoves returns the package's calls of os.Remove and
// os.RemoveAll (and of the same operations through a file system), found
// once.
func (st *state) packageRemoves() []removeAt {
	if st.removes == nil {
		st.removes = []removeAt{}
		var scan func(fn *ssa.Function)
		scan = func(fn *ssa.Function) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if ci, ok := instr.(ssa.CallInstruction); ok {
						if path, fs, ok := removeOf(ci); ok {
							st.removes = append(st.removes, removeAt{ci, path, fs})
						}
					}
				}
			}
			for _, anon := range fn.AnonFuncs {
				scan(anon)
			}
		}
		for _, fn := range st.funcs {
			scan(fn)
		}
	}
	return st.removes
}

// storageOf returns where the package keeps the path v, so that another
// function can name it again: the field (a *types.Var) or package-level
// variable (an *ssa.Global) v is loaded from, and those v is stored into.
func storageOf(v ssa.Value) []any {
	var out []any
	if load, ok := v.(*ssa.UnOp); ok {
		if k := cellKey(load.X); k != nil {
			out = append(out, k)
		}
	}
	if refs := v.Referrers(); refs != nil {
		for _, in := range *refs {
			if s, ok := in.(*ssa.Store); ok && s.Val == v {
				if k := cellKey(s.Addr); k != nil {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// cellKey returns the field or package-level variable addr is the
// address of, or nil.
func cellKey(addr ssa.Value) any {
	switch a := addr.(type) {
	case *ssa.Global:
		return a
	case *ssa.FieldAddr:
		if p, ok := a.X.Type().Underlying().(*types.Pointer); ok {
			if s, ok := p.Elem().Underlying().(*types.Struct); ok {
				return s.Field(a.Field)
			}
		}
	}
	return nil
}

// boundPath returns what a closure's path v is bound to where the
// closure is made: the value of a captured variable (v a free
// variable), or the cell of one captured by reference (v a load of a
// free variable), or nil.
func boundPath(v ssa.Value) ssa.Value {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	if fv, ok := v.(*ssa.FreeVar); ok {
		return ssakit.Binding(fv)
	}
	return nil
}

// isLoadOf reports whether v is a load of the variable cell.
func isLoadOf(v, cell ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	return ok && load.Op == token.MUL && load.X == cell
}

// onlyRemoved reports whether the function of p, a path parameter, uses
// it only in remove: an unlock function.
func onlyRemoved(p *ssa.Parameter, remove ssa.CallInstruction) bool {
	for _, in := range *p.Referrers() {
		switch in := in.(type) {
		case *ssa.DebugRef:
		default:
			if in != remove.(ssa.Instruction) {
				return false
			}
		}
	}
	return true
}

// exportedFunc reports whether fn is a function or method other
// packages can call.
func exportedFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Exported()
}
