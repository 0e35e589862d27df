package effects

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// summarizePaths computes what the package's named functions check and
// do by name on their parameters, callees before callers
// (ssakit.BottomUp), so that helpers built on helpers are found at any
// depth: Fact.Exists and Fact.Uses when paths is set, Fact.Opens when
// opens is, Fact.Creates when cr is not nil (pkg is the package under
// analysis).
func (r *Result) summarizePaths(g *ssakit.CallGraph, paths, opens bool, cr *Creators, pkg *types.Package) {
	var o *Openers
	if opens {
		o = r.NewOpeners(pkg)
	}
	ssakit.BottomUp(g, func(fn *ssa.Function) bool {
		changed := false
		if paths {
			changed = r.summarizeFunc(fn)
		}
		if o != nil && o.summarizeOpens(fn) {
			changed = true
		}
		if cr != nil && cr.summarizeCreates(fn) {
			changed = true
		}
		return changed
	})
}

// fact returns fn's summary in the package, made on the first question.
func (r *Result) fact(fn *types.Func) *Fact {
	f := r.local[fn]
	if f == nil {
		f = new(Fact)
		r.local[fn] = f
	}
	return f
}

// summarizeFunc adds to fn's summary what its body shows, given the
// summaries of its callees, and reports whether it grew.
func (r *Result) summarizeFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || fn.Signature.Params().Len()+recvLen(fn) == 0 {
		return false
	}
	changed := false
	checks, uses := r.Sites(fn)
	fs := NewFuncState(fn)
	for _, u := range uses {
		fsi, ok := FSParamOf(fn, u.FS)
		if !Racy(u.Op) || !ok {
			continue
		}
		if i := ssakit.ParamIndex(fn, r.paths.ParamOf(u.Path)); i >= 0 &&
			!fs.steeredByOtherParam(u, fn.Params[i]) && !fs.steeredByCheck(u, checks) {
			absent := u.Op == fsops.OpRead && swallowsError(u)
			if r.fact(obj).addUse(ParamUse{Param: i, Op: u.Op, Absent: absent, FS: fsi}) {
				changed = true
			}
		}
	}
	if f := r.local[obj]; (f != nil && f.Exists != nil) || len(checks) == 0 {
		return changed
	}
	for _, c := range checks {
		i := ssakit.ParamIndex(fn, r.paths.ParamOf(c.Path))
		fsi, ok := FSParamOf(fn, c.FS)
		if i < 0 || !ok || c.Symlinks {
			continue
		}
		if e := fs.existsSummary(c, i); e != nil {
			e.FS = fsi
			r.fact(obj).Exists = e
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
func (s *FuncState) existsSummary(c *CheckSite, param int) *Exists {
	rets := s.Rets
	if len(rets) == 0 {
		return nil
	}
	results := s.Fn.Signature.Results()
	for ri := range results.Len() {
		t := results.At(ri).Type()
		switch {
		case ssakit.IsBool(t):
			if pol := s.boolMeaning(c, rets, ri); pol != Unknown {
				return &Exists{Param: param, Result: ri, TrueMeans: pol, Kind: c.Kind}
			}
		case ssakit.IsError(t) && c.Err != nil:
			if s.returnsErr(c, rets, ri) {
				return &Exists{Param: param, Result: ri, ErrResult: true, Kind: c.Kind}
			}
		}
	}
	return nil
}

// boolMeaning returns what a true boolean result says about the path when
// every return that can yield true does so on evidence from c.
func (s *FuncState) boolMeaning(c *CheckSite, rets []*ssa.Return, ri int) Polarity {
	acc := Unknown
	for _, r := range rets {
		if r.Block() == s.Fn.Recover {
			continue // returns only after a deferred call recovered a panic
		}
		pol, ok := s.truth(c, Returned(r, ri), r.Block(), 0)
		if !ok {
			return Unknown
		}
		if pol == Unknown {
			continue
		}
		if acc != Unknown && acc != pol {
			return Unknown
		}
		acc = pol
	}
	return acc
}

// truth returns what v being true at the end of blk says about c's path;
// ok is false when v can be true without evidence.
func (s *FuncState) truth(c *CheckSite, v ssa.Value, blk *ssa.BasicBlock, depth int) (Polarity, bool) {
	if depth > 6 {
		return Unknown, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Bool || !constant.BoolVal(v.Value) {
			return Unknown, true // false carries no claim
		}
		d, ok := s.Decided(c, blk)
		return d.Pol, ok
	case *ssa.Phi:
		acc := Unknown
		for i, e := range v.Edges {
			pol, ok := s.truth(c, e, v.Block().Preds[i], depth+1)
			if !ok || (acc != Unknown && pol != Unknown && acc != pol) {
				return Unknown, false
			}
			if pol != Unknown {
				acc = pol
			}
		}
		return acc, true
	}
	if k, ok := c.Condition(v); ok {
		return k.OnTrue, true
	}
	d, ok := s.Decided(c, blk)
	return d.Pol, ok
}

// returnsErr reports whether every return yields c's error, or nil where
// c found the path.
func (s *FuncState) returnsErr(c *CheckSite, rets []*ssa.Return, ri int) bool {
	sawErr := false
	for _, r := range rets {
		if r.Block() == s.Fn.Recover {
			continue
		}
		switch v := Returned(r, ri); {
		case v == c.Err:
			sawErr = true
		case IsZeroConst(v):
			if d, ok := s.Decided(c, r.Block()); !ok || d.Pol != Present {
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
func (s *FuncState) steeredByOtherParam(u *UseSite, path *ssa.Parameter) bool {
	for _, i := range s.IfsMentioning(path) {
		if s.Br.Decider(i.Block(), u.Instr.Block()) >= 0 {
			return true
		}
	}
	return false
}

// steeredByCheck reports whether a check decides whether u runs: such a
// function makes its own decision (and is reported itself if it races), so
// it is no plain wrapper of the use.
func (s *FuncState) steeredByCheck(u *UseSite, checks []*CheckSite) bool {
	// Nearest first: the check that decides a use is usually the one
	// just before it. Only a check whose block dominates u's can decide
	// it (see decided).
	steered := false
	s.DomChecks(checks).Dominating(u.Instr.Block(), func(c *CheckSite) bool {
		_, steered = s.Decided(c, u.Instr.Block())
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
func swallowsError(u *UseSite) bool {
	call, ok := u.Instr.(*ssa.Call)
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
		if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) || !IsZeroConst(otherOperand(cmp, err)) {
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
