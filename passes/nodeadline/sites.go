package nodeadline

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/relevance"
	"github.com/toctou/toctou/internal/ssakit"
)

// A finding is one network call that can wait forever.
type finding struct {
	cat    string
	instr  ssa.CallInstruction
	callee *types.Func
	entry  netops.Func // Kind None for a function of the analyzed code
	args   []ssa.Value // the call's arguments, receiver first (also for interface methods)
	obj    object      // the client, dialer or server, when one is involved
	objArg int         // its argument index, or -1 (http.DefaultClient)
	ctx    ctxInfo     // the context or request, when one is involved
	ctxArg int         // its argument index, or -1
	// connect is set when the call's only unbounded wait is a plain TCP
	// connect, which the kernel bounds (the dial-connect category).
	connect bool
}

// visit examines the calls of fn. Findings go to report (when not nil);
// what the callers of fn decide goes into the summaries being built.
func (st *state) visit(fn *ssa.Function, r *resolver, next map[*types.Func]*NetFact, report func(*finding)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := ssakit.Callee(ci.Common())
			if callee == nil {
				if common := ci.Common(); common.IsInvoke() {
					// an interface's method known to the table:
					// http.RoundTripper's RoundTrip
					if e, ok := netops.Lookup(common.Method); ok {
						st.tableCall(ci, common.Method, e, r, next, report)
					}
				}
				continue
			}
			if e, ok := netops.Lookup(callee); ok {
				st.tableCall(ci, callee, e, r, next, report)
			} else if f := st.netFact(callee); f != nil {
				st.userCall(ci, callee, f, r, next, report)
			}
		}
	}
}

// tableCall examines a call of the standard library's network API.
func (st *state) tableCall(ci ssa.CallInstruction, callee *types.Func, e netops.Func, r *resolver,
	next map[*types.Func]*NetFact, report func(*finding)) {
	args := callArgs(ci.Common())
	f := &finding{instr: ci, callee: callee, entry: e, args: args, objArg: -1, ctxArg: -1}
	emit := func(cat string) {
		if report != nil {
			f.cat = cat
			report(f)
		}
	}
	switch e.Kind {
	case netops.HTTPSendDefault:
		if f.obj = r.defaultClient(); f.obj.limit == noLimit && !st.localURL(args, e.URL) {
			emit(ClientTimeout)
		}
	case netops.ClientSend:
		f.objArg = 0
		if f.obj = r.objectOf(args[0], 0); f.obj.limit == noLimit && !st.localURL(args, e.URL) {
			emit(ClientTimeout)
		}
	case netops.ClientDo, netops.RoundTrip:
		f.objArg, f.ctxArg = 0, e.Req
		if f.obj = r.objectOf(args[0], 0); f.obj.limit != noLimit || e.Req >= len(args) {
			return
		}
		if st.localRequest(args[e.Req]) {
			return
		}
		f.ctx = r.reqCtx(args[e.Req], 0)
		st.ctxSink(f, next, emit)
	case netops.Dial:
		if waitsToConnect(args, e.Network) && !localDial(args, e) {
			emit(DialConnect)
		}
	case netops.TLSDial:
		if !localDial(args, e) {
			emit(DialTimeout)
		}
	case netops.ProxyDial:
		if !waitsToConnect(args, e.Network) {
			return
		}
		if unbounded, handshake := r.proxyUnbounded(args[0], 0); unbounded && handshake {
			emit(DialTimeout) // the proxy's handshake waits too
		} else if unbounded && !localDial(args, e) {
			emit(DialConnect)
		}
	case netops.TLSDialWithDialer:
		f.objArg = e.Dialer
		if localDial(args, e) {
			return
		}
		if ssakit.IsNil(args[e.Dialer]) {
			emit(DialTimeout)
		} else if f.obj = r.objectOf(args[e.Dialer], 0); f.obj.limit == noLimit {
			emit(DialTimeout)
		}
	case netops.DialerDial, netops.TLSDialerDial:
		f.objArg = 0
		if e.Kind == netops.DialerDial && !waitsToConnect(args, e.Network) || localDial(args, e) {
			return
		}
		if f.obj = r.objectOf(args[0], 0); f.obj.limit == noLimit {
			if e.Kind == netops.DialerDial {
				emit(DialConnect)
			} else {
				emit(DialTimeout)
			}
		}
	case netops.DialerDialContext, netops.TLSDialerDialContext:
		f.objArg, f.ctxArg = 0, e.Ctx
		f.connect = e.Kind == netops.DialerDialContext
		if f.connect && !waitsToConnect(args, e.Network) || localDial(args, e) {
			return
		}
		if f.obj = r.objectOf(args[0], 0); f.obj.limit != noLimit {
			return
		}
		f.ctx = r.ctxOf(args[e.Ctx], 0)
		st.ctxSink(f, next, emit)
	case netops.ServeFunc:
		if !st.localServeFunc(args, callee.Name()) {
			emit(ServeFunction)
		}
	case netops.ServerStart:
		f.objArg = 0
		if st.localServerStart(args, callee.Name()) {
			return
		}
		if f.obj = r.objectOf(args[0], 0); f.obj.limit == noLimit {
			emit(ServerTimeouts)
		}
	}
}

// callArgs returns the arguments of a call, with the receiver of an
// interface method first, as for static method calls.
func callArgs(common *ssa.CallCommon) []ssa.Value {
	if common.IsInvoke() {
		return append([]ssa.Value{common.Value}, common.Args...)
	}
	return common.Args
}

// bounded returns the description of the finding's client, dialer,
// server or transport: an interface's RoundTrip sends through a transport.
func (f *finding) bounded() (netops.Bounded, bool) {
	if f.objArg < 0 || f.objArg >= len(f.args) {
		return netops.Bounded{}, false
	}
	if b, ok := netops.BoundedType(f.args[f.objArg].Type()); ok {
		return b, true
	}
	if f.entry.Kind == netops.RoundTrip {
		return netops.TransportBounded(), true
	}
	return netops.Bounded{}, false
}

// localServeFunc reports whether http.ListenAndServe, ListenAndServeTLS,
// Serve or ServeTLS starts a server no stranger can reach (a loopback
// address; a Unix socket, loopback or in-memory listener), or one that
// serves only debug and metrics endpoints (relevance.Servers).
func (st *state) localServeFunc(args []ssa.Value, name string) bool {
	if len(args) < 2 {
		return false
	}
	var addr, listener, handler ssa.Value
	switch name {
	case "ListenAndServe":
		addr, handler = args[0], args[1]
	case "ListenAndServeTLS":
		if len(args) == 4 {
			addr, handler = args[0], args[3]
		}
	case "Serve", "ServeTLS":
		listener, handler = args[0], args[1]
	}
	return st.servers.Local(addr, listener, handler)
}

// localServerStart reports whether a method of an http.Server starts a
// server no stranger can reach, or one that serves only debug and
// metrics endpoints: from the Addr and Handler stored into a server
// made in the same function, and the listener Serve is given.
func (st *state) localServerStart(args []ssa.Value, name string) bool {
	if len(args) == 0 {
		return false
	}
	addr, handler := relevance.ServerFields(args[0])
	var listener ssa.Value
	if name == "Serve" || name == "ServeTLS" {
		addr = nil // the listener's address, not the field, is served
		if len(args) > 1 {
			listener = args[1]
		}
	}
	return st.servers.Local(addr, listener, handler)
}

// userCall examines a call of a function of the analyzed code whose
// callers decide the bound of a network call.
func (st *state) userCall(ci ssa.CallInstruction, callee *types.Func, fact *NetFact, r *resolver,
	next map[*types.Func]*NetFact, report func(*finding)) {
	args := ci.Common().Args
	bound := func(p int, connect bool) {
		if p >= len(args) {
			return
		}
		f := &finding{instr: ci, callee: callee, objArg: -1, ctxArg: p, ctx: r.ctxOf(args[p], 0), connect: connect}
		st.ctxSink(f, next, func(cat string) {
			if report != nil {
				f.cat = cat
				report(f)
			}
		})
	}
	for _, p := range fact.StreamParams {
		// Never reported (a stream's context that never ends is meant
		// to last); handed to the callers when it is their parameter.
		if p < len(args) {
			if c := r.ctxOf(args[p], 0); c.kind == ctxParam {
				if sum := callersSummary(c, next); sum != nil {
					sum.StreamParams = addSorted(sum.StreamParams, c.param)
				}
			}
		}
	}
	for _, p := range fact.CtxParams {
		if slices.Contains(fact.StreamParams, p) {
			// The context also bounds a stream the callee reads: the
			// caller means it to last as long as the stream, and a
			// deadline on it would cut the stream short. The callee's
			// other requests need bounds of their own.
			continue
		}
		bound(p, false)
	}
	for _, p := range fact.ConnectParams {
		bound(p, true)
	}
	for _, p := range fact.ReqParams {
		if p >= len(args) || st.localRequest(args[p]) {
			continue
		}
		f := &finding{instr: ci, callee: callee, objArg: -1, ctxArg: p, ctx: r.reqCtx(args[p], 0)}
		st.ctxSink(f, next, func(cat string) {
			if report != nil {
				f.cat = cat
				report(f)
			}
		})
	}
}

// ctxSink handles a network call whose only possible bound is f.ctx:
// reported when the context never ends, handed to the callers when it
// comes from a parameter.
func (st *state) ctxSink(f *finding, next map[*types.Func]*NetFact, emit func(string)) {
	switch f.ctx.kind {
	case ctxNone:
		emit(ClientTimeout)
	case ctxForever:
		if f.connect {
			emit(DialConnect) // the kernel bounds a plain connect
		} else {
			emit(BackgroundContext)
		}
	case ctxParam:
		obj, _ := f.ctx.owner.Object().(*types.Func)
		if obj != nil && f.entry.Kind == netops.RoundTrip && obj.Name() == "RoundTrip" && ssakit.RecvName(obj) != "" {
			return // a RoundTripper of the code's own: an http.Client calls it, with its caller's request
		}
		sum := callersSummary(f.ctx, next)
		if sum == nil {
			return // a parameter of a function literal: its caller is not known
		}
		if streamsBody(f.instr) {
			// a long-lived stream (a watch, a long poll, events): the
			// caller that passes a context that never ends means it
			// to last as long as the program; it cancels it, if ever
			if !f.ctx.reqParam {
				sum.StreamParams = addSorted(sum.StreamParams, f.ctx.param)
			}
			return
		}
		switch {
		case f.ctx.reqParam:
			sum.ReqParams = addSorted(sum.ReqParams, f.ctx.param)
		case f.connect:
			sum.ConnectParams = addSorted(sum.ConnectParams, f.ctx.param)
		default:
			sum.CtxParams = addSorted(sum.CtxParams, f.ctx.param)
		}
	}
}

// callersSummary returns the summary being built for the function whose
// parameter c is, or nil when its callers are not known: a function
// literal's parameter, or no summaries being built.
func callersSummary(c ctxInfo, next map[*types.Func]*NetFact) *NetFact {
	obj, ok := c.owner.Object().(*types.Func)
	if !ok || c.owner.Parent() != nil || next == nil {
		return nil
	}
	sum := next[obj]
	if sum == nil {
		sum = new(NetFact)
		next[obj] = sum
	}
	return sum
}

// waitsToConnect reports whether dialing the network argument can wait
// for a peer: TCP. Connecting a Unix socket succeeds or fails at once (a
// full backlog fails with EAGAIN on the non-blocking sockets Go uses), and
// UDP and IP dials send nothing. A network that is not a constant is not
// reported: the pass cannot tell.
func waitsToConnect(args []ssa.Value, i int) bool {
	if i < 0 || i >= len(args) {
		return false
	}
	return tcpNetwork(args[i], 0)
}

func tcpNetwork(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.String {
			return false
		}
		switch constant.StringVal(v.Value) {
		case "tcp", "tcp4", "tcp6":
			return true
		}
	case *ssa.Phi:
		// a variable that can hold "tcp": some executions dial TCP
		if depth > 4 {
			return false
		}
		for _, e := range v.Edges {
			if tcpNetwork(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// localDial reports whether a dial reaches only the machine itself: a
// Unix socket or a loopback address (relevance.LocalPeer). No stranger is
// at the other end.
func localDial(args []ssa.Value, e netops.Func) bool {
	var network, addr ssa.Value
	if e.Network >= 0 && e.Network < len(args) {
		network = args[e.Network]
	}
	if e.Addr >= 0 && e.Addr < len(args) {
		addr = args[e.Addr]
	}
	return relevance.LocalPeer(network, addr)
}

// localURL reports whether argument i of a call is a URL whose peer is
// the machine itself, its platform's metadata service or a test server
// the code started: a loopback or metadata literal, or a field only such
// literals set ((*relevance.Servers).LocalURL), or the URL of an
// httptest.Server.
func (st *state) localURL(args []ssa.Value, i int) bool {
	return i >= 0 && i < len(args) && (st.servers.LocalURL(args[i]) || fromTestServer(args[i], 0))
}

// localRequest reports whether req, an *http.Request, is built by
// http.NewRequest or NewRequestWithContext (perhaps given another context
// by WithContext or Clone) with a URL of localURL, on every path.
func (st *state) localRequest(req ssa.Value) bool { return st.localRequestAt(req, 0) }

func (st *state) localRequestAt(req ssa.Value, depth int) bool {
	if depth > 6 {
		return false
	}
	depth++
	switch v := req.(type) {
	case *ssa.Extract:
		if v.Index != 0 {
			return false
		}
		return st.localRequestAt(v.Tuple, depth)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !ssakit.IsNil(e) && !st.localRequestAt(e, depth) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Call:
		e, ok := netops.Lookup(ssakit.Callee(&v.Call))
		if !ok {
			return false
		}
		switch e.Kind {
		case netops.NewRequest, netops.NewRequestWithContext:
			return st.localURL(v.Call.Args, e.URL)
		case netops.RequestWithContext:
			return len(v.Call.Args) > 0 && st.localRequestAt(v.Call.Args[0], depth)
		}
	}
	return false
}

// proxyUnbounded reports whether v, a golang.org/x/net/proxy Dialer,
// connects with no time limit: proxy.Direct, proxy.FromEnvironment(), or
// a proxy.FromURL or proxy.SOCKS5 dialer whose forward dialer is one of
// these or a net.Dialer with no Timeout. handshake is set when the dial
// also shakes hands with a proxy (FromURL, SOCKS5, FromEnvironment),
// which nothing bounds; proxy.Direct and a net.Dialer only connect.
func (r *resolver) proxyUnbounded(v ssa.Value, depth int) (unbounded, handshake bool) {
	if depth > 4 {
		return false, false
	}
	depth++
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		}
		break
	}
	if isStdGlobalLoad(v, "golang.org/x/net/proxy", "Direct") {
		return true, false
	}
	if _, ok := netops.BoundedType(v.Type()); ok {
		return r.objectOf(v, depth).limit == noLimit, false // a forward &net.Dialer{}
	}
	var call *ssa.Call
	switch x := v.(type) {
	case *ssa.Call:
		call = x
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			call = c
		}
	}
	if call == nil {
		return false, false
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "golang.org/x/net/proxy" || ssakit.RecvName(fn) != "" {
		return false, false
	}
	forward := -1
	switch fn.Name() {
	case "FromEnvironment":
		return true, true
	case "FromURL":
		forward = 1
	case "SOCKS5":
		forward = 3
	}
	args := call.Call.Args
	if forward < 0 || forward >= len(args) {
		return false, false
	}
	unbounded, _ = r.proxyUnbounded(args[forward], depth)
	return unbounded, unbounded
}

// fromTestServer reports whether v is computed from a field of an
// httptest.Server (its URL), through string operations and calls.
func fromTestServer(v ssa.Value, depth int) bool {
	if depth > 6 {
		return false
	}
	depth++
	switch v := v.(type) {
	case *ssa.Field:
		return netops.IsType(v.X.Type(), "net/http/httptest", "Server") || fromTestServer(v.X, depth)
	case *ssa.FieldAddr:
		return netops.IsType(v.X.Type(), "net/http/httptest", "Server") || fromTestServer(v.X, depth)
	case *ssa.UnOp:
		return fromTestServer(v.X, depth)
	case *ssa.BinOp:
		return fromTestServer(v.X, depth) || fromTestServer(v.Y, depth)
	case *ssa.MakeInterface:
		return fromTestServer(v.X, depth)
	case *ssa.Call:
		for _, a := range v.Call.Args {
			if fromTestServer(a, depth) {
				return true
			}
		}
	case *ssa.Extract:
		return fromTestServer(v.Tuple, depth)
	case *ssa.Slice:
		return fromTestServer(v.X, depth)
	case *ssa.Alloc:
		// a slice literal of fmt.Sprintf's arguments
		for _, in := range *v.Referrers() {
			if ia, ok := in.(*ssa.IndexAddr); ok {
				for _, use := range *ia.Referrers() {
					if s, ok := use.(*ssa.Store); ok && s.Addr == ia && fromTestServer(s.Val, depth) {
						return true
					}
				}
			}
		}
	}
	return false
}

// funcName is how messages name a function: http.Get, (*http.Client).Do,
// netutil.Fetch and (*netutil.Client).Get from other packages, fetch and
// (*Client).Get from the analyzed one.
func (st *state) funcName(fn *types.Func) string {
	return analysisutil.Namer{Unalias: true, QualifyRecv: true, Local: st.pass.Pkg}.FuncName(fn)
}
