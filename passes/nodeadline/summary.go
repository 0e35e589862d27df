package nodeadline

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/ssakit"
)

// summarize computes the summaries of the package's named functions,
// iterating to a fixed point so that wrappers of wrappers are found in
// any order.
func (st *state) summarize() {
	const maxRounds = 8
	for range maxRounds {
		rs := newResolvers(st)
		next := make(map[*types.Func]*NetFact)
		for _, fn := range st.funcs {
			st.visit(fn, rs.of(fn), next, nil)
		}
		for _, fn := range st.funcs {
			st.results(fn, rs.of(fn), next)
		}
		for _, f := range next {
			// a context that also bounds a request is a request's bound
			f.ConnectParams = slices.DeleteFunc(f.ConnectParams, func(p int) bool { return slices.Contains(f.CtxParams, p) })
		}
		same := len(next) == len(st.summaries)
		for obj, f := range next {
			same = same && f.equal(st.summaries[obj])
		}
		st.summaries = next
		if same {
			return
		}
	}
}

// results records the results of fn that carry no bound: clients,
// servers, transports and dialers with no limit set, and requests whose
// context has no deadline, on every return that yields one.
func (st *state) results(fn *ssa.Function, r *resolver, next map[*types.Func]*NetFact) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil {
		return
	}
	sig := fn.Signature.Results()
	rets := ssakit.Returns(fn)
	if len(rets) == 0 {
		return
	}
	for i := range sig.Len() {
		t := sig.At(i).Type()
		var res *Result
		if netops.IsType(t, "net/http", "RoundTripper") {
			// a helper that returns a transport as the interface
			res = st.objectResult(rets, i, netops.TransportBounded(), r)
			if res != nil {
				res.Desc = "http.RoundTripper"
			}
		} else if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
			continue
		} else if b, ok := netops.BoundedType(t); ok {
			res = st.objectResult(rets, i, b, r)
		} else if netops.IsType(t, "net/http", "Request") {
			res = st.requestResult(rets, i, r)
		}
		if res == nil {
			continue
		}
		sum := next[obj]
		if sum == nil {
			sum = new(NetFact)
			next[obj] = sum
		}
		sum.Results = append(sum.Results, *res)
	}
}

func (st *state) objectResult(rets []*ssa.Return, i int, b netops.Bounded, r *resolver) *Result {
	seen := false
	for _, ret := range rets {
		v := ret.Results[i]
		if ssakit.IsNil(v) {
			continue
		}
		if r.objectOf(v, 0).limit != noLimit {
			return nil
		}
		seen = true
	}
	if !seen {
		return nil
	}
	return &Result{Index: i, Kind: ObjectResult, CtxParam: -1, Desc: "*" + b.Type}
}

func (st *state) requestResult(rets []*ssa.Return, i int, r *resolver) *Result {
	var acc *ctxInfo
	for _, ret := range rets {
		v := ret.Results[i]
		if ssakit.IsNil(v) {
			continue
		}
		c := r.reqCtx(v, 0)
		switch {
		case c.kind == ctxParam && !c.reqParam && c.owner == ret.Parent():
		case c.kind == ctxNone || c.kind == ctxForever:
		default:
			return nil
		}
		if acc != nil && (acc.kind != c.kind || acc.param != c.param) {
			return nil
		}
		acc = &c
	}
	if acc == nil {
		return nil
	}
	if acc.kind == ctxParam {
		return &Result{Index: i, Kind: RequestResult, CtxParam: acc.param}
	}
	desc := acc.desc
	if acc.kind == ctxNone {
		desc = noContext
	} else if before, _, ok := strings.Cut(desc, " (from "); ok {
		desc = before
	}
	return &Result{Index: i, Kind: RequestResult, CtxParam: -1, Desc: desc}
}
