package pathrace

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// summarize computes the exists-helper and wrapper summaries of the
// package's named functions, callees before callers
// (ssakit.BottomUp), so that helpers built on helpers are found at any
// depth.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, st.summarizeFunc)
}

// summarizeFunc adds to fn's summaries what its body shows, given the
// summaries of its callees, and reports whether they grew.
func (st *state) summarizeFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || fn.Signature.Params().Len()+recvLen(fn) == 0 {
		return false
	}
	changed := false
	checks, uses := st.sites(fn)
	fs := newFuncState(fn)
	for _, u := range uses {
		fsi, ok := fsParamOf(fn, u.fs)
		if !racy(u.op) || !ok {
			continue
		}
		if i := ssakit.ParamIndex(fn, st.paths.ParamOf(u.path)); i >= 0 &&
			!fs.steeredByOtherParam(u, fn.Params[i]) && !fs.steeredByCheck(u, checks) {
			f := st.uses[obj]
			if f == nil {
				f = new(UsesFact)
				st.uses[obj] = f
			}
			absent := u.op == fsops.OpRead && swallowsError(u)
			if f.add(ParamUse{Param: i, Op: u.op, Absent: absent, FS: fsi}) {
				changed = true
			}
		}
	}
	if st.exists[obj] != nil || len(checks) == 0 {
		return changed
	}
	for _, c := range checks {
		i := ssakit.ParamIndex(fn, st.paths.ParamOf(c.path))
		fsi, ok := fsParamOf(fn, c.fs)
		if i < 0 || !ok || c.symlinks {
			continue
		}
		if f := fs.existsSummary(c, i); f != nil {
			f.FS = fsi
			st.exists[obj] = f
			return true
		}
	}
	return changed
}

func recvLen(fn *ssa.Function) int {
	if fn.Signature.Recv() != nil {
		return 1
	}
	return 0
}

// existsSummary returns the fact for fn when one of its results reports
// what check c found about parameter param, on every return.
func (s *funcState) existsSummary(c *checkSite, param int) *ExistsFact {
	rets := s.rets
	if len(rets) == 0 {
		return nil
	}
	results := s.fn.Signature.Results()
	for ri := range results.Len() {
		t := results.At(ri).Type()
		switch {
		case ssakit.IsBool(t):
			if pol := s.boolMeaning(c, rets, ri); pol != unknown {
				return &ExistsFact{Param: param, Result: ri, TrueMeans: pol, Kind: c.kind}
			}
		case ssakit.IsError(t) && c.err != nil:
			if s.returnsErr(c, rets, ri) {
				return &ExistsFact{Param: param, Result: ri, ErrResult: true, Kind: c.kind}
			}
		}
	}
	return nil
}

// boolMeaning returns what a true boolean result says about the path when
// every return that can yield true does so on evidence from c.
func (s *funcState) boolMeaning(c *checkSite, rets []*ssa.Return, ri int) polarity {
	acc := unknown
	for _, r := range rets {
		if r.Block() == s.fn.Recover {
			continue // returns only after a deferred call recovered a panic
		}
		pol, ok := s.truth(c, returned(r, ri), r.Block(), 0)
		if !ok {
			return unknown
		}
		if pol == unknown {
			continue
		}
		if acc != unknown && acc != pol {
			return unknown
		}
		acc = pol
	}
	return acc
}

// truth returns what v being true at the end of blk says about c's path;
// ok is false when v can be true without evidence.
func (s *funcState) truth(c *checkSite, v ssa.Value, blk *ssa.BasicBlock, depth int) (polarity, bool) {
	if depth > 6 {
		return unknown, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Bool || !constant.BoolVal(v.Value) {
			return unknown, true // false carries no claim
		}
		d, ok := s.decided(c, blk)
		return d.pol, ok
	case *ssa.Phi:
		acc := unknown
		for i, e := range v.Edges {
			pol, ok := s.truth(c, e, v.Block().Preds[i], depth+1)
			if !ok || (acc != unknown && pol != unknown && acc != pol) {
				return unknown, false
			}
			if pol != unknown {
				acc = pol
			}
		}
		return acc, true
	}
	if k, ok := c.condition(v); ok {
		return k.onTrue, true
	}
	d, ok := s.decided(c, blk)
	return d.pol, ok
}

// returnsErr reports whether every return yields c's error, or nil where
// c found the path.
func (s *funcState) returnsErr(c *checkSite, rets []*ssa.Return, ri int) bool {
	sawErr := false
	for _, r := range rets {
		if r.Block() == s.fn.Recover {
			continue
		}
		switch v := returned(r, ri); {
		case v == c.err:
			sawErr = true
		case isZeroConst(v):
			if d, ok := s.decided(c, r.Block()); !ok || d.pol != present {
				return false
			}
		default:
			return false
		}
	}
	return sawErr
}

// steeredByOtherParam reports whether a branch that decides whether u runs
// tests a parameter other than the path: expect.Parse(fset, name, content)
// reads name only when content is nil, so it is no wrapper of a read.
func (s *funcState) steeredByOtherParam(u *useSite, path *ssa.Parameter) bool {
	for _, i := range s.ifsMentioning(path) {
		if s.br.Decider(i.Block(), u.instr.Block()) >= 0 {
			return true
		}
	}
	return false
}

// steeredByCheck reports whether a check decides whether u runs: such a
// function makes its own decision (and is reported itself if it races), so
// it is no plain wrapper of the use.
func (s *funcState) steeredByCheck(u *useSite, checks []*checkSite) bool {
	// Nearest first: the check that decides a use is usually the one
	// just before it. Only a check whose block dominates u's can decide
	// it (see decided).
	steered := false
	s.domChecks(checks).dominating(u.instr.Block(), func(c *checkSite) bool {
		_, steered = s.decided(c, u.instr.Block())
		return !steered
	})
	return steered
}

// swallowsError reports whether the function containing u returns only
// zero values (or nothing) when u fails, whatever the error: u's error is
// used only in err != nil (or err == nil) tests, and every failure edge
// leads, through blocks that only jump, to a return of zero constants.
// Such a helper maps a missing file to the same "nothing" that a presence
// check before calling it would choose.
func swallowsError(u *useSite) bool {
	call, ok := u.instr.(*ssa.Call)
	if !ok {
		return false
	}
	res := ssakit.Results(call)
	if len(res) == 0 || res[len(res)-1] == nil || !ssakit.IsError(res[len(res)-1].Type()) {
		return false
	}
	err := res[len(res)-1]
	tested := false
	for _, r := range *err.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) || !isZeroConst(otherOperand(cmp, err)) {
			return false // the error goes somewhere: returned, wrapped, tested for a kind
		}
		for _, cr := range *cmp.Referrers() {
			i, ok := cr.(*ssa.If)
			if !ok {
				return false
			}
			fail := i.Block().Succs[0] // err != nil is true
			if cmp.Op == token.EQL {
				fail = i.Block().Succs[1]
			}
			if !returnsZero(i.Block(), fail) {
				return false
			}
			tested = true
		}
	}
	return tested
}

func otherOperand(b *ssa.BinOp, v ssa.Value) ssa.Value {
	if b.X == v {
		return b.Y
	}
	return b.X
}

// returnsZero reports whether b, entered from pred, reaches through blocks
// that only jump a return whose results are all zero constants.
// Named results are followed through the stores the return statement makes
// before running deferred calls.
func returnsZero(pred, b *ssa.BasicBlock) bool {
	stored := make(map[ssa.Value]ssa.Value) // named result Alloc -> value stored on the path
	for range 8 {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				stored[st.Addr] = st.Val
			}
		}
		last := b.Instrs[len(b.Instrs)-1]
		switch last := last.(type) {
		case *ssa.Return:
			for _, v := range last.Results {
				if p, ok := v.(*ssa.Phi); ok && p.Block() == b {
					v = p.Edges[predIndex(b, pred)]
				}
				if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
					if sv, ok := stored[load.X]; ok {
						v = sv
					}
				}
				if !isZeroValue(v) {
					return false
				}
			}
			return true
		case *ssa.Jump:
			pred, b = b, b.Succs[0]
		default:
			return false
		}
	}
	return false
}

func predIndex(b, pred *ssa.BasicBlock) int {
	for i, p := range b.Preds {
		if p == pred {
			return i
		}
	}
	return 0
}

// isZeroValue reports whether v is a constant zero value: nil, 0, "",
// false, or a zero struct.
func isZeroValue(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value == nil {
		return true
	}
	switch k.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(k.Value)
	case constant.String:
		return constant.StringVal(k.Value) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(k.Value) == 0
	}
	return false
}
