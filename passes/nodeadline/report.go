package nodeadline

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/ignore"
	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/relevance"
	"github.com/toctou/toctou/internal/ssakit"
)

// reportAll finds and reports every network call of the package that can
// wait forever, in source order. Sends through one client, dials through
// one dialer and starts of one server that lack the same limit are one
// race: one diagnostic at the first, the others as related locations.
func (st *state) reportAll() {
	rs := newResolvers(st)
	var found []*finding
	for _, fn := range st.funcs {
		st.visit(fn, rs.of(fn), nil, func(f *finding) { found = append(found, f) })
	}
	found = append(found, st.droppedRequests(rs, found)...)
	slices.SortStableFunc(found, func(a, b *finding) int {
		return cmp.Compare(a.instr.Common().Pos(), b.instr.Common().Pos())
	})
	type key struct {
		pos token.Pos
		cat string
		arg int
	}
	seen := make(map[key]bool)
	var groups [][]*site
	byObj := make(map[string]int) // group index by the object's key
	for _, f := range found {
		k := key{f.instr.Common().Pos(), f.cat, f.ctxArg}
		if seen[k] {
			continue
		}
		seen[k] = true
		s := st.prepare(f)
		if s == nil {
			continue
		}
		if ok := objectKey(s); ok != "" {
			if i, dup := byObj[ok]; dup {
				groups[i] = append(groups[i], s)
				continue
			}
			byObj[ok] = len(groups)
		}
		groups = append(groups, []*site{s})
	}
	ignored := make(map[*ast.File]map[int]bool)
	for _, g := range groups {
		st.report(suppressedFirst(st.pass.Fset, g, ignored))
	}
}

// suppressedFirst moves to the front of a race the first call whose line
// a //toctou:ignore directive naming nodeadline suppresses: the race is
// reported there, and a directive on any of its calls suppresses it.
// ignored caches the directive lines of each file.
func suppressedFirst(fset *token.FileSet, g []*site, ignored map[*ast.File]map[int]bool) []*site {
	for i, s := range g[min(1, len(g)):] {
		lines, ok := ignored[s.file]
		if !ok {
			lines = ignore.Lines(fset, s.file, "nodeadline")
			ignored[s.file] = lines
		}
		if tf := fset.File(s.call.Pos()); tf != nil && lines[tf.Line(s.call.Pos())] {
			out := append([]*site{s}, g[:i+1]...)
			return append(out, g[i+2:]...)
		}
	}
	return g
}

// A site is a finding about to be reported: its call and file, the
// context parameter in scope, and the category it is reported under.
type site struct {
	f        *finding
	call     *ast.CallExpr
	file     *ast.File
	ctxName  string
	category string // f.cat, or DeveloperCode for a demoted finding
}

// prepare decides whether and how a finding is reported: nil when it is
// not (a test or generated file, a request that has no context in scope).
func (st *state) prepare(f *finding) *site {
	call := st.syn.Call(f.instr.Common().Pos())
	if call == nil || !st.syn.Reportable(call.Pos(), includeTests) {
		return nil
	}
	if contextFormOffered(f.instr.Parent()) {
		return nil
	}
	file := st.syn.File(call.Pos())
	ctxName := ""
	if f.entry.Kind == netops.NewRequest {
		if ctxName = st.ctxParamAt(file, call.Pos()); ctxName == "" {
			return nil
		}
	}
	if f.cat == ClientTimeout {
		if name := st.ctxParamAt(file, call.Pos()); name != "" {
			f.cat, ctxName = ContextDropped, name
		}
	}
	s := &site{f: f, call: call, file: file, ctxName: ctxName, category: f.cat}
	if f.entry.Kind == netops.NewRequest {
		// sent through a client whose limit the pass cannot see
		// (droppedRequests): the opt-in category
		s.category = ContextDroppedUnseen
	}
	if !includeTools && (st.role != relevance.Ordinary || relevance.FileRoleIn(file, st.testing, st.pass.Fset) != relevance.Ordinary) {
		// no stranger talks to an example, a benchmark program, a test
		// utility or a developer tool: the opt-in category, which every
		// driver shows only with -nodeadline.all
		s.category = DeveloperCode
	}
	return s
}

// objectKey returns what identifies the race of a site that is one
// missing limit of one client, dialer or server made in this package:
// its category and where the value is made or chosen. Findings whose
// remedy is at the call (a context to pass on or to bound, a call of
// http.Get to replace) are their own race: "".
func objectKey(s *site) string {
	f := s.f
	switch f.shape() { // (a dial-connect with a context that never ends: its remedy is at the call)
	case ClientTimeout, DialTimeout, ServerTimeouts:
	default:
		return ""
	}
	if f.objArg < 0 || len(f.obj.origins) == 0 && !f.obj.chosen.IsValid() {
		return ""
	}
	return fmt.Sprint(s.category, f.cat, f.entry.Kind == netops.RoundTrip, f.obj.origins, f.obj.chosen)
}

// report turns one race, the sites of one finding or of one object, into
// a diagnostic at the first site.
func (st *state) report(g []*site) {
	s := g[0]
	f, call, file := s.f, s.call, s.file
	diag := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: s.category,
		Message:  st.message(f, call, s.ctxName),
		Related:  st.related(f, call),
	}
	streams := false
	for _, o := range g {
		streams = streams || streamsBody(o.f.instr)
	}
	for _, o := range g[1:] {
		diag.Related = append(diag.Related, analysis.RelatedInformation{
			Pos: o.call.Pos(), End: o.call.End(), Message: alsoMessage(o.f)})
	}
	if !analysisutil.CgoRewritten(file) && defaultTimeout > 0 {
		// (a fix's positions in a file cgo rewrote are not the user's file)
		diag.SuggestedFixes = st.fixes(f, call, file, s.ctxName, streams)
	}
	st.pass.Report(diag)
}

// alsoMessage is the related message of another site of the same race.
func alsoMessage(f *finding) string {
	switch f.shape() {
	case ServerTimeouts:
		return "the same server is also started here"
	case DialTimeout:
		return "the same dialer also dials here"
	}
	return "also sent here, through the same client"
}

const (
	clientStall = "a server that stops responding blocks it forever"
	dialStall   = "an address that does not answer blocks it until the operating system gives up, minutes later"
	tlsStall    = "a peer that accepts the connection and stays silent blocks it forever"
	serverStall = "a client that sends its request headers slowly holds a connection and a goroutine forever"
)

// message says what the call does, why it can wait forever, and what to
// do about it.
func (st *state) message(f *finding, call *ast.CallExpr, ctxName string) string {
	name := st.funcName(f.callee)
	obj := st.objText(f, call)
	arg := st.argText(call, f.ctxArg)
	user := f.entry.Kind == netops.None
	switch f.shape() {
	case ClientTimeout, ContextDropped:
		if f.entry.Kind == netops.NewRequest {
			return fmt.Sprintf("%s builds a request with no context, although %s is at hand; the caller's deadline and cancellation do not reach it, "+
				"and unless the client has a Timeout, a server that stops responding blocks the send (build it with http.NewRequestWithContext(%s, ...))", name, ctxName, ctxName)
		}
		var what string
		switch {
		case user:
			what = fmt.Sprintf("%s sends %s, which has no context, through a client with no Timeout", name, arg)
		case f.entry.Kind == netops.ClientDo || f.entry.Kind == netops.RoundTrip:
			what = fmt.Sprintf("%s sends %s, which has no context, through %s, which has no %s", name, arg, obj, limitName(f))
		default:
			what = fmt.Sprintf("%s sends a request with no context through %s, which has no Timeout", name, obj)
		}
		if f.cat == ContextDropped {
			return fmt.Sprintf("%s, although %s is at hand; the caller's deadline does not reach it, and %s (build the request with http.NewRequestWithContext(%s, ...))",
				what, ctxName, clientStall, ctxName)
		}
		if f.entry.Kind == netops.RoundTrip {
			return fmt.Sprintf("%s; %s (set the transport's ResponseHeaderTimeout, or send a request whose context has a deadline)", what, clientStall)
		}
		return fmt.Sprintf("%s; %s (give the client a Timeout, or send a request whose context has a deadline)", what, clientStall)
	case BackgroundContext:
		remedy := "derive the context with context.WithTimeout"
		switch {
		case user && f.connect:
			return fmt.Sprintf("%s connects with %s, which never ends; %s (pass a context with a deadline, from context.WithTimeout)",
				name, f.ctx.desc, dialStall)
		case user && slices.Contains(st.netFact(f.callee).ReqParams, f.ctxArg):
			return fmt.Sprintf("%s sends %s with %s, which never ends, through a client with no Timeout; %s (%s)",
				name, arg, f.ctx.desc, clientStall, remedy)
		case user:
			return fmt.Sprintf("%s sends a network request with %s, which never ends; a peer that stops responding blocks it forever (pass a context with a deadline, from context.WithTimeout)",
				name, f.ctx.desc)
		case f.entry.Kind == netops.ClientDo || f.entry.Kind == netops.RoundTrip:
			return fmt.Sprintf("%s sends %s with %s, which never ends, through %s, which has no %s; %s (%s)",
				name, arg, f.ctx.desc, obj, limitName(f), clientStall, remedy)
		case f.entry.Kind == netops.TLSDialerDialContext:
			return fmt.Sprintf("%s connects and shakes hands with %s, which never ends, and %s sets no dial Timeout; %s (%s)",
				name, f.ctx.desc, obj, tlsStall, remedy)
		default:
			return fmt.Sprintf("%s connects with %s, which never ends, and %s sets neither Timeout nor Deadline; %s (%s)",
				name, f.ctx.desc, obj, dialStall, remedy)
		}
	case DialTimeout:
		switch f.entry.Kind {
		case netops.Dial:
			return fmt.Sprintf("%s connects with no timeout; %s (use net.DialTimeout, or a net.Dialer with a Timeout)", name, dialStall)
		case netops.DialerDial:
			return fmt.Sprintf("%s connects with no timeout: %s sets neither Timeout nor Deadline; %s (set the Dialer's Timeout)", name, obj, dialStall)
		case netops.TLSDial:
			return fmt.Sprintf("%s connects and shakes hands with no timeout; %s (use tls.DialWithDialer with a net.Dialer that has a Timeout)", name, tlsStall)
		case netops.ProxyDial:
			return fmt.Sprintf("%s connects with no timeout: the proxy dialer reaches the network through proxy.Direct or a net.Dialer with no Timeout; %s (give the proxy a forward net.Dialer with a Timeout, or dial with a context that has a deadline)", name, dialStall)
		case netops.TLSDialWithDialer:
			return fmt.Sprintf("%s connects and shakes hands with no timeout: %s sets neither Timeout nor Deadline; %s (set the Dialer's Timeout)", name, obj, tlsStall)
		default:
			return fmt.Sprintf("%s connects and shakes hands with no timeout: %s has no NetDialer with a Timeout; %s (set NetDialer to a net.Dialer with a Timeout)", name, obj, tlsStall)
		}
	case ServerTimeouts:
		return fmt.Sprintf("%s starts %s, which sets neither ReadHeaderTimeout nor ReadTimeout; %s (set ReadHeaderTimeout)", name, obj, serverStall)
	case ServeFunction:
		return fmt.Sprintf("%s starts a server that cannot have timeouts; %s (use an http.Server with ReadHeaderTimeout)", name, serverStall)
	}
	return name + " can wait forever"
}

// shape is the category whose message and fixes fit a finding: a
// dial-connect finding is worded and fixed as the dial-timeout finding of
// a dial, or the background-context finding of a context, it was before
// it had a category of its own.
func (f *finding) shape() string {
	if f.cat != DialConnect {
		return f.cat
	}
	if f.ctxArg >= 0 {
		return BackgroundContext
	}
	return DialTimeout
}

// limitName names the field whose absence leaves a send unbounded:
// the client's Timeout, or the transport's ResponseHeaderTimeout.
func limitName(f *finding) string {
	if f.entry.Kind == netops.RoundTrip {
		return "ResponseHeaderTimeout"
	}
	return "Timeout"
}

// objText is how a message names the client, dialer or server of a call.
func (st *state) objText(f *finding, call *ast.CallExpr) string {
	if f.objArg < 0 {
		return "http.DefaultClient"
	}
	if e := st.syn.Arg(call, f.objArg); e != nil {
		if s := types.ExprString(e); len(s) <= 40 {
			return s
		}
	}
	if b, ok := f.bounded(); ok {
		return "the " + b.Type
	}
	return "the receiver"
}

// argText is how a message names argument i of call.
func (st *state) argText(call *ast.CallExpr, i int) string {
	if e := st.syn.Arg(call, i); e != nil {
		if s := types.ExprString(e); len(s) <= 40 {
			return s
		}
	}
	return "the request"
}

// related points at where the unbounded client, dialer or server is made
// and where the context that never ends comes from.
func (st *state) related(f *finding, call *ast.CallExpr) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	inCall := func(pos token.Pos) bool { return call.Pos() <= pos && pos < call.End() }
	if f.objArg >= 0 && len(f.obj.origins) > 0 {
		pos := f.obj.origins[0]
		if pos.IsValid() && st.syn.File(pos) != nil && !inCall(pos) {
			b, _ := f.bounded()
			rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: fmt.Sprintf("the %s is made here with %s", b.Type, unsetFields(b))})
		}
	}
	if f.objArg >= 0 && f.obj.chosen.IsValid() && st.syn.File(f.obj.chosen) != nil && !inCall(f.obj.chosen) {
		b, _ := f.bounded()
		msg := fmt.Sprintf("the %s is chosen here, with %s", b.Type, unsetFields(b))
		if f.obj.among {
			msg += "; other constructors' callers choose their own"
		}
		rel = append(rel, analysis.RelatedInformation{Pos: f.obj.chosen, Message: msg})
	}
	if f.ctx.origin != nil {
		if pos := originPos(f.ctx.origin); pos.IsValid() && st.syn.File(pos) != nil && !inCall(pos) {
			msg := f.ctx.desc + " is made here"
			if f.ctx.kind == ctxNone {
				msg = "the request is built here with " + f.ctx.desc
			}
			rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: msg})
		}
	}
	return rel
}

// unsetFields says which limit fields a bounded type leaves unset; a
// delegate (an http.Client's Transport) may be set, but to a value that
// sets no limit.
func unsetFields(b netops.Bounded) string {
	fields := slices.Clone(b.Fields)
	for _, d := range b.Delegates {
		fields = append(fields, "a "+d+" with a limit")
	}
	switch len(fields) {
	case 1:
		return "no " + fields[0]
	case 2:
		return "neither " + fields[0] + " nor " + fields[1]
	}
	return "no limit"
}

// originPos returns the position of the call expression that made a
// value: for a call, its Lparen is Pos(); the expression starts earlier.
func originPos(v ssa.Value) token.Pos {
	if c, ok := v.(*ssa.Call); ok {
		return c.Pos()
	}
	return v.Pos()
}

// ctxParamAt returns the name of a context.Context parameter of a
// function that encloses pos, innermost first, when that name still
// denotes the parameter at pos; "" when there is none.
func (st *state) ctxParamAt(file *ast.File, pos token.Pos) string {
	if file == nil {
		return ""
	}
	path, _ := fixutil.EnclosingPath(file, pos, pos)
	for _, n := range path {
		var ft *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		default:
			continue
		}
		if ft.Params == nil {
			continue
		}
		for _, field := range ft.Params.List {
			if !netops.IsContext(st.pass.TypesInfo.TypeOf(field.Type)) {
				continue
			}
			for _, id := range field.Names {
				if id.Name == "_" {
					continue
				}
				if st.lookup(file, id.Name, pos) == st.pass.TypesInfo.Defs[id] {
					return id.Name
				}
			}
		}
	}
	return ""
}

// lookup returns the object name denotes at pos in file, or nil.
func (st *state) lookup(file *ast.File, name string, pos token.Pos) types.Object {
	scope := st.pass.TypesInfo.Scopes[file]
	if scope == nil {
		return nil
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// droppedRequests finds the requests built by http.NewRequest, with no
// context, in a function that has one, and sent there through a client
// whose time limit the pass cannot see (a client with no limit is
// reported at the send already; one with a Timeout bounds the wait). The
// request must go nowhere else: a request returned or handed to another
// function may get its context there.
func (st *state) droppedRequests(rs resolvers, found []*finding) []*finding {
	reported := make(map[ssa.Value]bool)
	for _, f := range found {
		if f.ctx.origin != nil {
			reported[f.ctx.origin] = true
		}
	}
	var out []*finding
	for _, fn := range st.funcs {
		if !hasCtxParam(fn) {
			continue
		}
		r := rs.of(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || reported[call] {
					continue
				}
				callee := ssakit.Callee(&call.Call)
				e, ok := netops.Lookup(callee)
				if !ok || e.Kind != netops.NewRequest || st.localURL(call.Call.Args, e.URL) || !st.sentUnjudged(r, call) {
					continue
				}
				out = append(out, &finding{cat: ContextDropped, instr: call, callee: callee, entry: e,
					args: call.Call.Args, objArg: -1, ctxArg: -1,
					ctx: ctxInfo{kind: ctxNone, origin: call, desc: noContext}})
			}
		}
	}
	return out
}

// hasCtxParam reports whether fn, or a function it is nested in, has a
// context.Context parameter.
func hasCtxParam(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if netops.IsContext(p.Type()) {
				return true
			}
		}
	}
	return false
}

// sentUnjudged reports whether the request an http.NewRequest call
// builds is sent in the function, by a client or transport whose time
// limit is not known, and used for nothing else that could give it a
// context: its fields and header may be set, it may be sent.
func (st *state) sentUnjudged(r *resolver, call *ssa.Call) bool {
	var req ssa.Value
	for _, in := range *call.Referrers() {
		if ex, ok := in.(*ssa.Extract); ok && ex.Index == 0 {
			req = ex
		}
	}
	if req == nil {
		return false
	}
	sent := false
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		for _, in := range *v.Referrers() {
			switch in := in.(type) {
			case *ssa.DebugRef, *ssa.FieldAddr, *ssa.Field:
			case *ssa.Phi:
				if !walk(in) {
					return false
				}
			case ssa.CallInstruction:
				common := in.Common()
				args := callArgs(common)
				if common.IsInvoke() {
					// an interface's Do or RoundTrip: a client the pass cannot see
					if name := common.Method.Name(); (name == "Do" || name == "RoundTrip") && len(args) == 2 && args[1] == v && args[0] != v {
						sent = true
						continue
					}
					return false
				}
				fn := ssakit.Callee(common)
				e, ok := netops.Lookup(fn)
				switch {
				case ok && (e.Kind == netops.ClientDo || e.Kind == netops.RoundTrip) && e.Req < len(args) && args[e.Req] == v && args[0] != v:
					if r.objectOf(args[0], 0).limit == hasLimit {
						return false // the client's Timeout bounds the send
					}
					sent = true
				case ok:
					return false // WithContext, Clone: the request gets a context
				case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && ssakit.RecvName(fn) == "Request":
					// SetBasicAuth, AddCookie: configure the request
				default:
					return false // handed on: the callee may give it a context
				}
			default:
				return false
			}
		}
		return true
	}
	return walk(req) && sent
}

// contextFormOffered reports whether fn, or the function a closure fn is
// part of, is an exported function or method F of a library whose
// package, or receiver type, also offers FContext taking a
// context.Context first: the Go convention of net.Dial and DialContext,
// db.Query and QueryContext. F is the unbounded convenience form the API
// keeps beside its bounded one, and a caller that needs a bound calls
// FContext; what F does is not reported.
func contextFormOffered(fn *ssa.Function) bool {
	for fn != nil && fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Name() == "main" {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() || !exportedRecv(obj) {
		return false
	}
	name := obj.Name() + "Context"
	var sibling types.Object
	if recv := obj.Signature().Recv(); recv != nil {
		sibling, _, _ = types.LookupFieldOrMethod(recv.Type(), true, obj.Pkg(), name)
	} else {
		sibling = obj.Pkg().Scope().Lookup(name)
	}
	ctxFn, ok := sibling.(*types.Func)
	if !ok {
		return false
	}
	params := ctxFn.Signature().Params()
	return params.Len() > 0 && netops.IsContext(params.At(0).Type())
}
