package lockfile

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// summarize computes the facts of the package's named functions, callees
// before callers (ssakit.BottomUp), so that functions built on functions
// are found at any depth. A function's fact is recomputed from scratch
// each time its body is visited.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, func(fn *ssa.Function) bool {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || len(fn.Params) == 0 {
			return false
		}
		f := st.summary(fn)
		old := st.facts[obj]
		switch {
		case f == nil && old == nil:
			return false
		case f == nil:
			delete(st.facts, obj)
			return true
		case old == nil || old.String() != f.String():
			st.facts[obj] = f
			return true
		}
		return false
	})
}

// summary returns what fn does with the lock files its parameters name,
// or nil.
func (st *state) summary(fn *ssa.Function) *LockFact {
	f := &LockFact{}
	fa := newFuncAnalysis(st, fn)
	var acquired []PathRef
	for _, s := range st.acquisitions(fn) {
		if s.direct && st.removedBefore(fn, s) {
			continue // a staging file, made fresh: no lock to hand to the caller
		}
		ref, ok := st.paramRef(fn, s.path)
		if !ok {
			continue
		}
		acquired = append(acquired, ref)
		if f.Acquire != nil {
			continue
		}
		if sa := fa.analyzeSite(s); !sa.holder && !sa.undecided {
			f.Acquire = sa.acquireSummary(ref)
		}
	}
	for _, r := range st.releasedRefs(fn) {
		if !slices.Contains(acquired, r) && !slices.Contains(f.Release, r) {
			f.Release = append(f.Release, r)
		}
	}
	slices.SortFunc(f.Release, func(a, b PathRef) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
	if f.Acquire == nil && len(f.Release) == 0 {
		return nil
	}
	return f
}

// paramOf returns the parameter that v is, or is a transparent
// respelling of, also when a function literal captures the parameter (v
// then loads it from the variable it was spilled to), or nil.
func (st *state) paramOf(v ssa.Value) *ssa.Parameter {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if a, ok := load.X.(*ssa.Alloc); ok {
			if p, ok := pathflow.StoredOnce(a).(*ssa.Parameter); ok {
				return p
			}
		}
	}
	return st.paths.ParamOf(v)
}

// paramRef expresses a lock path of fn through one of its parameters.
func (st *state) paramRef(fn *ssa.Function, p lockPath) (PathRef, bool) {
	if p.field != nil {
		if i := ssakit.ParamIndex(fn, st.paramOf(p.base)); i >= 0 {
			return PathRef{Param: i, Field: p.field.Name()}, true
		}
		return PathRef{}, false
	}
	return st.refOf(fn, p.base)
}

// refOf expresses the path value v of fn through one of its parameters:
// the parameter (or a clean spelling of it), or a field of it.
func (st *state) refOf(fn *ssa.Function, v ssa.Value) (PathRef, bool) {
	if i := ssakit.ParamIndex(fn, st.paramOf(v)); i >= 0 {
		return PathRef{Param: i}, true
	}
	if x, f := fieldOf(v); f != nil {
		if i := ssakit.ParamIndex(fn, st.paramOf(x)); i >= 0 {
			return PathRef{Param: i, Field: f.Name()}, true
		}
	}
	return PathRef{}, false
}

// releasedRefs returns the parameters (or their fields) whose files fn
// removes, directly, through a function that does, or in a function
// literal it calls or defers.
func (st *state) releasedRefs(fn *ssa.Function) []PathRef {
	var refs []PathRef
	add := func(r PathRef, ok bool) {
		if ok && !slices.Contains(refs, r) {
			refs = append(refs, r)
		}
	}
	var visit func(body *ssa.Function, env *closureEnv, depth int)
	visit = func(body *ssa.Function, env *closureEnv, depth int) {
		for _, b := range body.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if _, isGo := ci.(*ssa.Go); isGo {
					continue
				}
				common := ci.Common()
				if common.IsInvoke() {
					continue
				}
				callee := ssakit.Callee(common)
				if callee == nil {
					if lit, inner := st.literal(common.Value, env); lit != nil && depth < 2 && env == nil {
						visit(lit, inner, depth+1)
					}
					continue
				}
				if entry, ok := fsops.Lookup(callee); ok {
					for _, pa := range entry.Paths {
						if pa.Index < len(common.Args) && releaseOp(fsops.Classify(pa, common, callee)) {
							add(st.refOf(fn, env.outer(common.Args[pa.Index])))
						}
					}
					continue
				}
				if f := st.factOf(callee); f != nil {
					for _, r := range f.Release {
						if r.Param >= len(common.Args) {
							continue
						}
						arg := env.outer(common.Args[r.Param])
						if r.Field == "" {
							add(st.refOf(fn, arg))
						} else if i := ssakit.ParamIndex(fn, st.paramOf(arg)); i >= 0 {
							add(PathRef{Param: i, Field: r.Field}, true)
						}
					}
				}
			}
		}
	}
	visit(fn, nil, 0)
	return refs
}

// acquireSummary returns how fn reports the acquisition to its caller,
// when its results say whether the caller now holds the lock.
func (sa *siteAnalysis) acquireSummary(ref PathRef) *Acquire {
	s, fn := sa.s, sa.fn
	rets := ssakit.Returns(fn)
	if len(rets) == 0 {
		return nil
	}
	unacquired := sa.reachableUnacquired()
	after := func(r *ssa.Return) bool { return !unacquired[r.Block()] }
	res := fn.Signature.Results()
	a := &Acquire{Path: ref, Ok: -1, Err: -1, ReleaseFunc: -1, Handle: -1}
	for j := range res.Len() {
		if !ssakit.IsBool(res.At(j).Type()) {
			continue
		}
		good, some := true, false
		for _, r := range rets {
			switch v := returned(r, j); {
			case isFalse(v):
			case s.ok != nil && v == s.ok, after(r):
				some = true
			default:
				good = false
			}
		}
		if good && some {
			a.Ok = j
			break
		}
	}
	if j := sa.errResult; j >= 0 {
		if a.Ok >= 0 {
			a.Err = j
		} else {
			good, some := true, false
			for _, r := range rets {
				switch v := returned(r, j); {
				case sa.knownNonNil(v, r.Block(), 0):
				case s.ok == nil && s.isErr(v), after(r):
					some = true
				default:
					good = false
				}
			}
			if good && some {
				a.Err = j
			}
		}
	}
	if a.Ok < 0 && a.Err < 0 {
		return nil
	}
	for k := range res.Len() {
		if k == a.Ok || k == a.Err {
			continue
		}
		for _, r := range rets {
			v := returned(r, k)
			if !after(r) && !(s.handle != nil && v == s.handle) {
				continue
			}
			if _, isFunc := res.At(k).Type().Underlying().(*types.Signature); isFunc {
				if slices.ContainsFunc(sa.closures, func(c ssa.Value) bool { return carriesValue(v, c, 0) }) ||
					s.release != nil && carriesValue(v, s.release, 0) {
					a.ReleaseFunc = k
				}
			} else if s.handle != nil && carriesValue(v, s.handle, 0) {
				a.Handle = k
			}
		}
	}
	if !sa.evidence {
		for _, h := range sa.heldReturns() {
			if h.what != "" {
				a.OpaqueHeld = true
			}
		}
	}
	return a
}

// reachableUnacquired returns the blocks that a path from the entry
// reaches without passing an edge on which the acquisition succeeded.
func (sa *siteAnalysis) reachableUnacquired() map[*ssa.BasicBlock]bool {
	seen := map[*ssa.BasicBlock]bool{}
	if len(sa.fn.Blocks) == 0 {
		return seen
	}
	stack := []*ssa.BasicBlock{sa.fn.Blocks[0]}
	seen[sa.fn.Blocks[0]] = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var skip [2]bool
		if n := len(b.Instrs); n > 0 {
			if i, ok := b.Instrs[n-1].(*ssa.If); ok {
				t, f := sa.s.edges(i.Cond)
				skip = [2]bool{t == edgeAcquired, f == edgeAcquired}
			}
		}
		for k, succ := range b.Succs {
			if k < 2 && skip[k] || seen[succ] {
				continue
			}
			seen[succ] = true
			stack = append(stack, succ)
		}
	}
	return seen
}
