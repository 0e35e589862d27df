package nodeadline

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/ssakit"
)

// ctxKind is what is known of the life of a context, or of the context a
// request carries.
type ctxKind uint8

const (
	ctxUnknown  ctxKind = iota // cannot tell: stay quiet
	ctxDeadline                // has a deadline, or may be cancelled by code the pass cannot see
	ctxParam                   // comes from a parameter: the callers decide
	ctxForever                 // never ends: context.Background() and friends
	ctxNone                    // a request built with no context at all (http.NewRequest)
)

// ctxInfo is what is known of a context value.
type ctxInfo struct {
	kind ctxKind
	// For ctxParam: the parameter's index (receiver first) and the
	// function it belongs to (an enclosing function, for closures).
	param int
	owner *ssa.Function
	// For ctxForever and ctxNone: the call that made the context or the
	// request (in this package), and how messages name it.
	origin ssa.Value
	desc   string
	// For requests passed as parameters: the request parameter is the
	// thing callers decide (ctxParam then means the request's context).
	reqParam bool
}

var unknownCtx = ctxInfo{kind: ctxUnknown}

// rank orders kinds for joining the edges of a phi: doubt and deadlines
// win (the pass stays quiet), then parameters (ctx = nil replaced by
// context.Background() is the caller's choice), then contexts that never
// end.
func (k ctxKind) rank() int {
	switch k {
	case ctxUnknown:
		return 4
	case ctxDeadline:
		return 3
	case ctxParam:
		return 2
	}
	return 1
}

func joinCtx(a, b ctxInfo) ctxInfo {
	if a.kind == ctxParam && b.kind == ctxParam && (a.param != b.param || a.owner != b.owner || a.reqParam != b.reqParam) {
		return unknownCtx
	}
	if b.kind.rank() > a.kind.rank() {
		return b
	}
	return a
}

// ctxOf returns what is known of the life of the context v.
func (r *resolver) ctxOf(v ssa.Value, depth int) ctxInfo {
	if depth > maxDepth {
		return unknownCtx
	}
	depth++
	switch v := v.(type) {
	case *ssa.Call:
		return r.ctxCall(v, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return r.ctxCall(call, depth)
		}
	case *ssa.Parameter:
		if i := ssakit.ParamIndex(v.Parent(), v); i >= 0 {
			return ctxInfo{kind: ctxParam, param: i, owner: v.Parent()}
		}
	case *ssa.FreeVar:
		if b := ssakit.Binding(v); b != nil {
			return r.ctxOf(b, depth)
		}
	case *ssa.Phi:
		if r.busy[v] {
			return ctxInfo{kind: ctxForever} // a loop: the other edges decide
		}
		r.busy[v] = true
		defer delete(r.busy, v)
		var acc ctxInfo
		for i, e := range v.Edges {
			c := r.ctxOf(e, depth)
			if i == 0 {
				acc = c
			} else {
				acc = joinCtx(acc, c)
			}
		}
		return acc
	case *ssa.ChangeType:
		return r.ctxOf(v.X, depth)
	case *ssa.MakeInterface:
		return r.ctxOf(v.X, depth)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return r.ctxCell(v.X, depth)
		}
	}
	return unknownCtx
}

// ctxCall classifies a context made by a call of package context.
func (r *resolver) ctxCall(call *ssa.Call, depth int) ctxInfo {
	callee := ssakit.Callee(&call.Call)
	args := call.Call.Args
	switch netops.ContextLifetime(callee) {
	case netops.Forever:
		desc := "context." + callee.Name() + "()"
		if callee.Name() == "WithoutCancel" {
			desc = "context.WithoutCancel(...)"
		}
		return ctxInfo{kind: ctxForever, origin: call, desc: desc}
	case netops.Inherit:
		if len(args) > 0 {
			return r.ctxOf(args[0], depth)
		}
	case netops.InheritCancel:
		if len(args) > 0 && cancelStaysLocal(call) {
			return r.ctxOf(args[0], depth)
		}
		return ctxInfo{kind: ctxDeadline} // cancelled by code the pass does not follow
	case netops.Deadline:
		return ctxInfo{kind: ctxDeadline}
	}
	return unknownCtx
}

// cancelStaysLocal reports whether the cancel function of a
// context.WithCancel call is only called, or deferred, by the function
// itself: then it ends the context only when the function is done with
// it, and bounds no wait. Handed to a goroutine, a timer or a field, it
// may end the context at any time.
func cancelStaysLocal(call *ssa.Call) bool {
	for _, in := range *call.Referrers() {
		ex, ok := in.(*ssa.Extract)
		if !ok {
			return false
		}
		if ex.Index != 1 {
			continue
		}
		for _, use := range *ex.Referrers() {
			switch use := use.(type) {
			case *ssa.Call:
				if use.Call.Value != ex {
					return false
				}
			case *ssa.Defer:
				if use.Call.Value != ex {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// ctxCell classifies a context read from a local variable that a closure
// captures or whose address is taken: every value stored into it.
func (r *resolver) ctxCell(addr ssa.Value, depth int) ctxInfo {
	switch a := addr.(type) {
	case *ssa.FreeVar:
		if b := ssakit.Binding(a); b != nil {
			return r.ctxCell(b, depth)
		}
	case *ssa.Alloc:
		if r.busy[a] {
			return ctxInfo{kind: ctxForever}
		}
		r.busy[a] = true
		defer delete(r.busy, a)
		var acc ctxInfo
		first := true
		add := func(v ssa.Value) {
			c := r.ctxOf(v, depth)
			if first {
				acc, first = c, false
			} else {
				acc = joinCtx(acc, c)
			}
		}
		for _, in := range *a.Referrers() {
			switch in := in.(type) {
			case *ssa.Store:
				if in.Addr != a {
					return unknownCtx
				}
				add(in.Val)
			case *ssa.UnOp, *ssa.DebugRef:
			case *ssa.MakeClosure:
				for _, fv := range ssakit.CapturedAs(in, a) {
					for _, use := range *fv.Referrers() {
						if st, ok := use.(*ssa.Store); ok && st.Addr == fv {
							add(st.Val)
						}
					}
				}
			default:
				return unknownCtx
			}
		}
		if first {
			return unknownCtx
		}
		return acc
	}
	return unknownCtx
}

// reqCtx returns what is known of the context an *http.Request carries.
func (r *resolver) reqCtx(v ssa.Value, depth int) ctxInfo {
	if depth > maxDepth {
		return unknownCtx
	}
	depth++
	switch v := v.(type) {
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return r.reqCall(call, v.Index, depth)
		}
	case *ssa.Call:
		return r.reqCall(v, 0, depth)
	case *ssa.Parameter:
		if i := ssakit.ParamIndex(v.Parent(), v); i >= 0 {
			return ctxInfo{kind: ctxParam, param: i, owner: v.Parent(), reqParam: true}
		}
	case *ssa.FreeVar:
		if b := ssakit.Binding(v); b != nil {
			return r.reqCtx(b, depth)
		}
	case *ssa.Phi:
		if r.busy[v] {
			return ctxInfo{kind: ctxForever}
		}
		r.busy[v] = true
		defer delete(r.busy, v)
		var acc ctxInfo
		n := 0
		for _, e := range v.Edges {
			if ssakit.IsNil(e) {
				continue
			}
			c := r.reqCtx(e, depth)
			if n == 0 {
				acc = c
			} else {
				acc = joinCtx(acc, c)
			}
			n++
		}
		if n == 0 {
			return unknownCtx
		}
		return acc
	case *ssa.ChangeType:
		return r.reqCtx(v.X, depth)
	}
	return unknownCtx
}

// reqCall returns what is known of the context of result i of a call
// that makes a request.
func (r *resolver) reqCall(call *ssa.Call, i int, depth int) ctxInfo {
	callee := ssakit.Callee(&call.Call)
	if callee == nil {
		return unknownCtx
	}
	args := call.Call.Args
	if e, ok := netops.Lookup(callee); ok && i == 0 {
		switch e.Kind {
		case netops.NewRequest:
			return ctxInfo{kind: ctxNone, origin: call, desc: noContext}
		case netops.NewRequestWithContext, netops.RequestWithContext:
			if e.Ctx < len(args) {
				return r.ctxOf(args[e.Ctx], depth)
			}
		}
		return unknownCtx
	}
	res := r.st.netFact(callee).result(i)
	if res == nil || res.Kind != RequestResult {
		return unknownCtx
	}
	if res.CtxParam >= 0 {
		if res.CtxParam < len(args) {
			return r.ctxOf(args[res.CtxParam], depth)
		}
		return unknownCtx
	}
	kind := ctxForever
	if res.Desc == noContext {
		kind = ctxNone
	}
	return ctxInfo{kind: kind, origin: call, desc: res.Desc + " (from " + r.st.funcName(callee) + ")"}
}

// noContext is how messages and facts describe a request built with no
// context.
const noContext = "no context"
