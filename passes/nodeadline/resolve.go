package nodeadline

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/relevance"
	"github.com/toctou/toctou/internal/ssakit"
)

// limit is what is known of a value's time limit.
type limit uint8

const (
	noLimit      limit = iota // definitely none: report
	unknownLimit              // cannot tell: stay quiet
	hasLimit                  // a limit is set
)

// join combines what two ways of reaching a value say: any limit, or any
// doubt, keeps the pass quiet.
func join(a, b limit) limit { return max(a, b) }

// object is what is known of a client, server, transport or dialer value.
type object struct {
	limit limit
	// origins are where the value is made in this package: composite
	// literals, new() calls and variables, in the order found.
	origins []token.Pos
	// from names the function of another package that made the value.
	from string
	// shared is set when a way of reaching the value makes no literal of
	// this package (http.DefaultClient, a constructor): a fix to a
	// literal would not bound every way.
	shared bool
	// chosen is where code of this package stores a value with no limit
	// into the unexported field the value is read from (a constructor
	// choosing http.DefaultClient), and chosenExpr the value stored.
	chosen     token.Pos
	chosenExpr ssa.Value
	// among is set when chosen is one constructor's choice among others
	// that store their caller's value.
	among bool
}

func (o object) join(p object) object {
	o.limit = join(o.limit, p.limit)
	for _, pos := range p.origins {
		if !slices.Contains(o.origins, pos) {
			o.origins = append(o.origins, pos)
		}
	}
	if o.from == "" {
		o.from = p.from
	}
	o.shared = o.shared || p.shared
	if !o.chosen.IsValid() {
		o.chosen, o.chosenExpr, o.among = p.chosen, p.chosenExpr, p.among
	}
	return o
}

var unknownObject = object{limit: unknownLimit}

// maxDepth bounds the recursion of the resolver; real code is shallow,
// and a bound keeps pathological code cheap.
const maxDepth = 12

// resolver follows values of the bounded types (netops.BoundedType) and
// contexts to where they are made and configured. It memoizes what it
// finds; a resolver is valid for one round of summaries.
type resolver struct {
	st   *state
	idx  *index
	objs map[any]object // by value, field or global
	locs map[any]limit  // fields, globals and cells: what their uses set
	busy map[any]bool   // values and locations being resolved (cycles)
}

func newResolver(st *state, idx *index) *resolver {
	return &resolver{st: st, idx: idx, objs: make(map[any]object),
		locs: make(map[any]limit), busy: make(map[any]bool)}
}

// resolvers are the resolvers of one round: one that sees what non-test
// code does, for the functions of non-test files, and one that sees all
// code, for the functions of test files (ssabuild.TestCode).
type resolvers struct {
	st        *state
	prod, all *resolver
}

func newResolvers(st *state) resolvers {
	rs := resolvers{st: st, prod: newResolver(st, st.prodIdx)}
	rs.all = rs.prod
	if st.allIdx != st.prodIdx {
		rs.all = newResolver(st, st.allIdx)
	}
	return rs
}

// of returns the resolver for the code of fn.
func (rs resolvers) of(fn *ssa.Function) *resolver {
	if rs.st.ssa.TestFunc(fn) {
		return rs.all
	}
	return rs.prod
}

// objectOf returns what is known of the time limit of v, a pointer to a
// value of a bounded type (or that value itself, for fields of struct
// type).
func (r *resolver) objectOf(v ssa.Value, depth int) object {
	if depth > maxDepth {
		return unknownObject
	}
	depth++
	switch v := v.(type) {
	case *ssa.Alloc:
		return r.memo(v, func() object {
			return object{limit: r.usesOf(v, depth, nil), origins: []token.Pos{v.Pos()}}
		})
	case *ssa.Global:
		// A package-level variable of struct type: var srv http.Server.
		if !r.idx.private(v.Object()) {
			return unknownObject
		}
		return r.memo(v, func() object {
			return object{limit: r.globalUses(v, depth), origins: []token.Pos{v.Pos()}}
		})
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return r.loadFrom(v.X, depth)
		}
	case *ssa.Field:
		if f := fieldOf(v.X.Type(), v.Field, false); f != nil {
			return r.fieldValue(f, depth)
		}
	case *ssa.FieldAddr:
		// A field of struct type: s.client where client is http.Client.
		if f := fieldOf(v.X.Type(), v.Field, true); f != nil && r.idx.private(f) {
			return r.memo(f, func() object {
				lim := noLimit
				for _, fa := range r.idx.fieldAddrs[f] {
					lim = join(lim, r.usesOf(fa, depth, nil))
				}
				return object{limit: lim, origins: []token.Pos{f.Pos()}}
			})
		}
	case *ssa.Phi:
		if r.busy[v] {
			return object{} // a loop: the other edges decide
		}
		r.busy[v] = true
		defer delete(r.busy, v)
		var o object
		for _, e := range v.Edges {
			if ssakit.IsNil(e) {
				continue
			}
			o = o.join(r.objectOf(e, depth))
		}
		if len(o.origins) == 0 && o.from == "" && o.limit == noLimit {
			return unknownObject // only nil edges
		}
		return o
	case *ssa.ChangeType:
		return r.objectOf(v.X, depth)
	case *ssa.MakeInterface:
		return r.objectOf(v.X, depth)
	case *ssa.TypeAssert:
		if isStdGlobalLoad(v.X, "net/http", "DefaultTransport") {
			return object{} // the default transport sets no header timeout
		}
	case *ssa.Call:
		return r.callResult(v, v, 0, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return r.callResult(call, v, v.Index, depth)
		}
	case *ssa.FreeVar:
		if b := ssakit.Binding(v); b != nil {
			return r.objectOf(b, depth)
		}
	case *ssa.Parameter:
		return r.paramObject(v, depth)
	}
	return unknownObject
}

// paramObject resolves a parameter of an unexported function of the
// package whose calls are all known: every call is a static call in this
// package, and the function is never used as a value. The parameter is
// what every call passes, configured by the function's own uses.
func (r *resolver) paramObject(p *ssa.Parameter, depth int) object {
	fn := p.Parent()
	sites := r.idx.knownCalls(fn)
	if len(sites) == 0 {
		return unknownObject
	}
	i := ssakit.ParamIndex(p.Parent(), p)
	return r.memo(p, func() object {
		o := object{}
		for _, site := range sites {
			args := site.Common().Args
			if i < 0 || i >= len(args) || ssakit.IsNil(args[i]) {
				return unknownObject
			}
			o = o.join(r.objectOf(args[i], depth))
		}
		o.limit = join(o.limit, r.usesOf(p, depth, nil))
		return o
	})
}

// memo runs compute once per key; a key met again while it is computed
// (a cycle through fields or phis) contributes nothing.
func (r *resolver) memo(key any, compute func() object) object {
	if o, ok := r.objs[key]; ok {
		return o
	}
	if r.busy[key] {
		return object{}
	}
	r.busy[key] = true
	o := compute()
	delete(r.busy, key)
	r.objs[key] = o
	return o
}

// callResult resolves result i of call, whose value in the caller is v.
func (r *resolver) callResult(call *ssa.Call, v ssa.Value, i int, depth int) object {
	callee := ssakit.Callee(&call.Call)
	if callee == nil {
		return unknownObject
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == "net/http" && callee.Name() == "Clone" &&
		ssakit.RecvName(callee) == "Transport" && len(call.Call.Args) == 1 {
		// t.Clone() copies t's limits; the copy may be configured further.
		o := r.objectOf(call.Call.Args[0], depth)
		o.limit = join(o.limit, r.usesOf(v, depth, nil))
		return o
	}
	if res := r.st.netFact(callee).result(i); res != nil && res.Kind == ObjectResult {
		return object{limit: r.usesOf(v, depth, nil), from: r.st.funcName(callee), shared: true}
	}
	return unknownObject
}

// loadFrom resolves the pointer stored at addr.
func (r *resolver) loadFrom(addr ssa.Value, depth int) object {
	switch addr := addr.(type) {
	case *ssa.Global:
		if isStdGlobal(addr, "net/http", "DefaultClient") {
			return r.defaultClient()
		}
		if isStdGlobal(addr, "net/http", "DefaultTransport") {
			return r.defaultTransport()
		}
		if !r.idx.private(addr.Object()) {
			return unknownObject
		}
		return r.memo(addr, func() object {
			o := object{}
			stored := false
			for _, in := range r.idx.globalUses[addr] {
				switch in := in.(type) {
				case *ssa.Store:
					if in.Addr == addr {
						stored = true
						o = o.join(r.storedObject(in.Val, depth))
					}
				case *ssa.UnOp:
					o.limit = join(o.limit, r.usesOf(in, depth, nil))
				default:
					o.limit = unknownLimit // &g escapes
				}
			}
			if !stored {
				return unknownObject
			}
			return o
		})
	case *ssa.FieldAddr:
		if f := fieldOf(addr.X.Type(), addr.Field, true); f != nil {
			return r.fieldValue(f, depth)
		}
	case *ssa.Alloc:
		// A local variable holding the pointer, captured by a closure or
		// with its address taken.
		return r.memo(addr, func() object {
			o := object{}
			stored := false
			for _, in := range *addr.Referrers() {
				switch in := in.(type) {
				case *ssa.Store:
					if in.Addr != addr {
						return unknownObject
					}
					stored = true
					o = o.join(r.storedObject(in.Val, depth))
				case *ssa.UnOp:
					o.limit = join(o.limit, r.usesOf(in, depth, nil))
				case *ssa.DebugRef:
				case *ssa.MakeClosure:
					// captured: the closure loads it through a free variable
					for _, fv := range ssakit.CapturedAs(in, addr) {
						for _, use := range *fv.Referrers() {
							if ld, ok := use.(*ssa.UnOp); ok && ld.Op == token.MUL {
								o.limit = join(o.limit, r.usesOf(ld, depth, nil))
							} else if st, ok := use.(*ssa.Store); ok && st.Addr == fv {
								stored = true
								o = o.join(r.storedObject(st.Val, depth))
							} else if _, ok := use.(*ssa.DebugRef); !ok {
								return unknownObject
							}
						}
					}
				default:
					return unknownObject
				}
			}
			if !stored {
				return unknownObject
			}
			return o
		})
	case *ssa.FreeVar:
		if b := ssakit.Binding(addr); b != nil {
			return r.loadFrom(b, depth)
		}
	}
	return unknownObject
}

// storedObject resolves a value stored into a location; nil stores
// (resets) say nothing.
func (r *resolver) storedObject(v ssa.Value, depth int) object {
	if ssakit.IsNil(v) {
		return object{}
	}
	return r.objectOf(v, depth)
}

// fieldValue resolves what an unexported pointer field of the package
// holds: every value stored into it, configured by every use of every
// value read from it.
func (r *resolver) fieldValue(f *types.Var, depth int) object {
	if !r.idx.private(f) {
		return unknownObject
	}
	return r.memo(f, func() object {
		o := object{}
		stored, fromParam := false, false
		for _, fa := range r.idx.fieldAddrs[f] {
			for _, in := range *fa.Referrers() {
				switch in := in.(type) {
				case *ssa.Store:
					if in.Addr != fa {
						return unknownObject // &x.f itself is stored away
					}
					stored = true
					if r.isParam(in.Val) {
						fromParam = true // the caller's choice: judged below
						continue
					}
					so := r.storedObject(in.Val, depth)
					if so.limit == noLimit && !ssakit.IsNil(in.Val) && !o.chosen.IsValid() {
						so.chosen, so.chosenExpr = in.Pos(), in.Val
					}
					o = o.join(so)
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return unknownObject // &x.f escapes: someone else may set it
				}
			}
		}
		if !stored {
			return unknownObject // set only outside the package, or never
		}
		if fromParam && (o.limit != noLimit || !o.chosen.IsValid()) {
			// Each constructor is judged on its own: New storing
			// http.DefaultClient is not saved by NewWithClient storing
			// its caller's client; but with no unbounded choice of its
			// own, the field holds whatever the callers pass.
			o.limit = join(o.limit, unknownLimit)
		}
		switch {
		case fromParam:
			o.among = true
		case len(o.origins) > 0:
			o.chosen, o.chosenExpr = token.NoPos, nil // the origin says it all
		}
		// (with no origin, http.DefaultClient or a client of another
		// package's constructor, the store that chooses it identifies the
		// race: every send through the field is one finding)
		for _, read := range r.idx.fieldReads[f] {
			o.limit = join(o.limit, r.usesOf(read, depth, nil))
		}
		return o
	})
}

// globalUses returns what the uses of a package-level struct variable
// set.
func (r *resolver) globalUses(g *ssa.Global, depth int) limit {
	lim := noLimit
	for _, in := range r.idx.globalUses[g] {
		lim = join(lim, r.use(g, in, depth, nil))
	}
	return lim
}

// defaultClient is http.DefaultClient, which has no Timeout unless this
// package gives it one. Passing it to functions does not count: a
// library that changed the shared default client would surprise every
// other user of it.
func (r *resolver) defaultClient() object {
	o := object{shared: true}
	for g, uses := range r.idx.globalUses {
		if !isStdGlobal(g, "net/http", "DefaultClient") {
			continue
		}
		for _, in := range uses {
			switch in := in.(type) {
			case *ssa.Store:
				if in.Addr == g {
					return unknownObject // replaced
				}
			case *ssa.UnOp:
				for _, use := range *in.Referrers() {
					if fa, ok := use.(*ssa.FieldAddr); ok {
						o.limit = join(o.limit, r.use(in, fa, 0, nil))
					}
				}
			}
		}
	}
	return o
}

// defaultTransport is http.DefaultTransport, an *http.Transport with no
// ResponseHeaderTimeout, unless this package replaces it.
func (r *resolver) defaultTransport() object {
	for g, uses := range r.idx.globalUses {
		if !isStdGlobal(g, "net/http", "DefaultTransport") {
			continue
		}
		for _, in := range uses {
			if st, ok := in.(*ssa.Store); ok && st.Addr == g {
				return unknownObject // replaced
			}
		}
	}
	return object{shared: true}
}

// usesOf returns what the uses of v, a pointer to an object of a bounded
// type, set: a non-zero limit field, a delegate with a limit, or an
// escape to code that might set one.
func (r *resolver) usesOf(v ssa.Value, depth int, seen map[ssa.Value]bool) limit {
	refs := v.Referrers()
	if refs == nil {
		return noLimit
	}
	if seen == nil {
		seen = make(map[ssa.Value]bool)
	}
	if seen[v] {
		return noLimit
	}
	seen[v] = true
	lim := noLimit
	for _, in := range *refs {
		lim = join(lim, r.use(v, in, depth, seen))
		if lim == hasLimit {
			break
		}
	}
	return lim
}

// use returns what one use of v sets.
func (r *resolver) use(v ssa.Value, in ssa.Instruction, depth int, seen map[ssa.Value]bool) limit {
	if depth > maxDepth {
		return unknownLimit
	}
	depth++
	b, ok := netops.BoundedType(v.Type())
	if !ok {
		if netops.IsType(v.Type(), "net/http", "RoundTripper") {
			return r.roundTripperUse(v, in, depth, seen)
		}
		return unknownLimit
	}
	switch in := in.(type) {
	case *ssa.FieldAddr:
		if in.X != v {
			return noLimit
		}
		name := fieldName(in)
		switch {
		case slices.Contains(b.Fields, name):
			return limitField(in)
		case slices.Contains(b.Delegates, name):
			return r.delegateField(in, depth)
		case b.Type == "http.Transport" && slices.Contains(transportDialFields, name):
			return deadlineDialField(in)
		}
		return noLimit
	case *ssa.Store:
		if in.Addr == v {
			// *p = value: the object's content is that value's.
			if ld, ok := in.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				return r.objectOf(ld.X, depth).limit
			}
			return unknownLimit
		}
		if isDelegateField(in.Addr) {
			return noLimit // a net.Dialer made a tls.Dialer's NetDialer
		}
		return r.storedAt(in.Addr, depth)
	case ssa.CallInstruction:
		common := in.Common()
		if callee, ok := common.Value.(*ssa.Function); ok && !common.IsInvoke() && r.idx.knownCalls(callee) != nil {
			// a helper whose calls are all known: what it does with
			// the parameter is what this call does with v
			lim := noLimit
			for i, a := range common.Args {
				if a == v && i < len(callee.Params) {
					lim = join(lim, r.usesOf(callee.Params[i], depth, seen))
				}
			}
			return lim
		}
		fn := ssakit.Callee(common)
		if fn == nil || fn.Pkg() == nil || !isStdNetPkg(fn.Pkg().Path()) {
			return unknownLimit
		}
		if len(common.Args) > 0 && common.Args[0] == v && ssakit.RecvName(fn) != "" &&
			!slices.Contains(common.Args[1:], v) {
			return noLimit // a method of the type itself: Do, Serve, Close
		}
		if e, ok := netops.Lookup(fn); ok && e.Dialer >= 0 && e.Dialer < len(common.Args) && common.Args[e.Dialer] == v {
			return noLimit // the dialer tls.DialWithDialer uses
		}
		return unknownLimit
	case *ssa.UnOp, *ssa.BinOp, *ssa.DebugRef, *ssa.Return:
		return noLimit
	case *ssa.Phi:
		return r.usesOf(in, depth, seen)
	case *ssa.ChangeType:
		return r.usesOf(in, depth, seen)
	case *ssa.MakeClosure:
		lim := noLimit
		for _, fv := range ssakit.CapturedAs(in, v) {
			lim = join(lim, r.usesOf(fv, depth, seen))
		}
		return lim
	case *ssa.MakeInterface:
		// A transport stored into a client's Transport field is that
		// client's delegate; anything else may configure it.
		for _, use := range *in.Referrers() {
			st, ok := use.(*ssa.Store)
			switch use.(type) {
			case *ssa.DebugRef, *ssa.Return:
				continue // (a returned RoundTripper: its callers' uses count)
			}
			if ci, isCall := use.(ssa.CallInstruction); isCall && isProxyForward(ci.Common(), in) {
				continue // the forward dialer of a golang.org/x/net/proxy dialer
			}
			if !ok || st.Val != in || !isDelegateField(st.Addr) {
				return unknownLimit
			}
		}
		return noLimit
	}
	return unknownLimit
}

// roundTripperUse returns what one use of v, an http.RoundTripper
// interface value, sets: its own RoundTrip and becoming a client's
// Transport set nothing; anything else may configure it.
func (r *resolver) roundTripperUse(v ssa.Value, in ssa.Instruction, depth int, seen map[ssa.Value]bool) limit {
	switch in := in.(type) {
	case ssa.CallInstruction:
		common := in.Common()
		if common.IsInvoke() && common.Value == v && !slices.Contains(common.Args, v) {
			return noLimit
		}
	case *ssa.Store:
		if in.Val == v && isDelegateField(in.Addr) {
			return noLimit
		}
	case *ssa.Phi:
		return r.usesOf(in, depth, seen)
	case *ssa.DebugRef, *ssa.Return:
		return noLimit
	}
	return unknownLimit
}

// isProxyForward reports whether v is the forward dialer argument of
// golang.org/x/net/proxy's FromURL or SOCKS5, which only dial through it.
func isProxyForward(common *ssa.CallCommon, v ssa.Value) bool {
	fn := ssakit.Callee(common)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "golang.org/x/net/proxy" {
		return false
	}
	i := map[string]int{"FromURL": 1, "SOCKS5": 3}[fn.Name()]
	if i == 0 || i >= len(common.Args) || common.Args[i] != v {
		return false
	}
	for j, a := range common.Args {
		if a == v && j != i {
			return false
		}
	}
	return true
}

// isDelegateField reports whether addr is &x.F for a delegate field F of
// a bounded type (an http.Client's Transport).
func isDelegateField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	b, ok := netops.BoundedType(fa.X.Type())
	return ok && slices.Contains(b.Delegates, fieldName(fa))
}

// storedAt returns what the uses of a pointer stored at addr set: the
// pointer can be read back from there and configured.
func (r *resolver) storedAt(addr ssa.Value, depth int) limit {
	var key any
	var reads []ssa.Value
	switch addr := addr.(type) {
	case *ssa.FieldAddr:
		f := fieldOf(addr.X.Type(), addr.Field, true)
		if f == nil || !r.idx.private(f) {
			return unknownLimit
		}
		key, reads = f, r.idx.fieldReads[f]
	case *ssa.Global:
		if !r.idx.private(addr.Object()) {
			return unknownLimit
		}
		key = addr
		for _, in := range r.idx.globalUses[addr] {
			if ld, ok := in.(*ssa.UnOp); ok && ld.Op == token.MUL {
				reads = append(reads, ld)
			}
		}
	case *ssa.Alloc:
		key = addr
		for _, in := range *addr.Referrers() {
			switch in := in.(type) {
			case *ssa.UnOp:
				reads = append(reads, in)
			case *ssa.Store, *ssa.DebugRef:
			case *ssa.MakeClosure:
				for _, fv := range ssakit.CapturedAs(in, addr) {
					for _, use := range *fv.Referrers() {
						if ld, ok := use.(*ssa.UnOp); ok && ld.Op == token.MUL {
							reads = append(reads, ld)
						}
					}
				}
			default:
				return unknownLimit
			}
		}
	case *ssa.FreeVar:
		// a closure storing into a variable of its enclosing function
		// (srv = &http.Server{...} inside func() { ... }): that
		// variable's reads
		if b := ssakit.Binding(addr); b != nil {
			return r.storedAt(b, depth)
		}
		return unknownLimit
	default:
		return unknownLimit
	}
	if lim, ok := r.locs[key]; ok {
		return lim
	}
	if r.busy[key] {
		return noLimit
	}
	r.busy[key] = true
	lim := noLimit
	for _, read := range reads {
		lim = join(lim, r.usesOf(read, depth, nil))
	}
	delete(r.busy, key)
	r.locs[key] = lim
	return lim
}

// limitField returns what the uses of &x.F set, for a limit field F: a
// non-zero store sets a limit; a zero store does not; handing the address
// to other code (flag.DurationVar(&c.Timeout, ...)) probably does.
func limitField(fa *ssa.FieldAddr) limit {
	lim := noLimit
	for _, in := range *fa.Referrers() {
		switch in := in.(type) {
		case *ssa.Store:
			if in.Addr == fa && !isZero(in.Val) {
				return hasLimit
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			lim = unknownLimit
		}
	}
	return lim
}

// transportDialFields are the fields of http.Transport that make its
// connections.
var transportDialFields = []string{"DialContext", "Dial", "DialTLSContext", "DialTLS"}

// deadlineDialField returns hasLimit when every function stored into fa,
// a dial field of an http.Transport, sets a deadline on each connection
// it returns (deadlineDial): no read or write on such a connection, the
// response's included, outlasts the deadline, so no request through the
// transport waits forever; or connects only to a Unix socket or a
// loopback address (localDialFunc): every request through the transport
// goes to a process of the same machine, no stranger, as a dial of a
// Unix socket or a request to a loopback URL does. noLimit otherwise, as
// for any other field.
func deadlineDialField(fa *ssa.FieldAddr) limit {
	lim := noLimit
	for _, in := range *fa.Referrers() {
		st, ok := in.(*ssa.Store)
		if !ok || st.Addr != fa {
			continue
		}
		if !deadlineDial(st.Val) && !localDialFunc(st.Val) {
			return noLimit
		}
		lim = hasLimit
	}
	return lim
}

// deadlineDial reports whether v is a function (or a closure) each of
// whose returns gives back nil or a connection on which a call of
// SetDeadline or SetReadDeadline, before the return on every path, has
// set a deadline:
//
//	DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
//		c, err := dial(sock)
//		if err != nil {
//			return nil, err
//		}
//		if err := c.SetDeadline(time.Now().Add(timeout)); err != nil {
//			return nil, err
//		}
//		return c, nil
//	}
func deadlineDial(v ssa.Value) bool {
	return everyConnReturned(v, deadlineSet)
}

// everyConnReturned reports whether v is a function (or a closure) that
// returns, and each of whose returns gives back nil or a connection conn
// for which ok(conn, ret) holds.
func everyConnReturned(v ssa.Value, ok func(conn ssa.Value, ret *ssa.Return) bool) bool {
	var fn *ssa.Function
	switch x := v.(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn, _ = x.Fn.(*ssa.Function)
	}
	if fn == nil || fn.Blocks == nil {
		return false
	}
	rets := 0
	for _, b := range fn.Blocks {
		ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		rets++
		if len(ret.Results) == 0 {
			return false
		}
		conn := ssakit.Unconvert(ret.Results[0])
		if ssakit.IsNil(conn) {
			continue
		}
		if !ok(conn, ret) {
			return false
		}
	}
	return rets > 0
}

// localDialFunc reports whether v is a function (or a closure) each of
// whose returns gives back nil or the connection of a dial that reaches
// only the machine itself: a Unix socket or a loopback address
// (localDial), or net.DialUnix:
//
//	DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
//		var d net.Dialer
//		return d.DialContext(ctx, "unix", "/var/run/docker.sock")
//	}
//
// The address the request names is not read: the transport connects
// where its dial function says.
func localDialFunc(v ssa.Value) bool {
	return everyConnReturned(v, func(conn ssa.Value, _ *ssa.Return) bool {
		ex, ok := conn.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			return false
		}
		call, ok := ex.Tuple.(*ssa.Call)
		return ok && localDialCall(&call.Call)
	})
}

// localDialCall reports whether call dials only the machine itself: a
// dial of the network table (net.Dial, a net.Dialer's Dial or
// DialContext) or net.DialTimeout whose network is a Unix socket or
// whose address is a loopback literal, or net.DialUnix.
func localDialCall(call *ssa.CallCommon) bool {
	callee := ssakit.Callee(call)
	if callee == nil || callee.Pkg() == nil {
		return false
	}
	args := callArgs(call)
	if callee.Pkg().Path() == "net" && ssakit.RecvName(callee) == "" {
		switch callee.Name() {
		case "DialUnix":
			return true
		case "DialTimeout":
			return len(args) >= 2 && relevance.LocalPeer(args[0], args[1])
		}
	}
	e, ok := netops.Lookup(callee)
	if !ok {
		return false
	}
	switch e.Kind {
	case netops.Dial, netops.DialerDial, netops.DialerDialContext:
		return localDial(args, e)
	}
	return false
}

// deadlineSet reports whether a call of conn's SetDeadline or
// SetReadDeadline dominates ret.
func deadlineSet(conn ssa.Value, ret *ssa.Return) bool {
	if conn.Referrers() == nil {
		return false
	}
	for _, in := range *conn.Referrers() {
		call, ok := in.(ssa.CallInstruction)
		if !ok {
			continue
		}
		c := call.Common()
		var name string
		switch {
		case c.IsInvoke() && c.Value == conn:
			name = c.Method.Name()
		case !c.IsInvoke() && len(c.Args) > 0 && c.Args[0] == conn:
			if fn := ssakit.Callee(c); fn != nil && ssakit.RecvName(fn) != "" {
				name = fn.Name()
			}
		}
		if (name == "SetDeadline" || name == "SetReadDeadline") && ssakit.Dominates(call, ret) {
			return true
		}
	}
	return false
}

// delegateField returns what the values stored into a delegate field
// (an http.Client's Transport, a tls.Dialer's NetDialer) set.
func (r *resolver) delegateField(fa *ssa.FieldAddr, depth int) limit {
	lim := noLimit
	for _, in := range *fa.Referrers() {
		st, ok := in.(*ssa.Store)
		if !ok || st.Addr != fa {
			continue
		}
		lim = join(lim, r.delegate(st.Val, depth))
	}
	return lim
}

// delegate returns what a transport or net dialer stored into a client or
// a TLS dialer sets. A RoundTripper of another type may bound its
// requests itself: it is treated as a limit the pass cannot see.
func (r *resolver) delegate(v ssa.Value, depth int) limit {
	if ssakit.IsNil(v) {
		return noLimit
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if isStdGlobalLoad(v, "net/http", "DefaultTransport") {
		return noLimit
	}
	if _, ok := netops.BoundedType(v.Type()); ok {
		if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr {
			o := r.objectOf(v, depth)
			if o.limit == noLimit {
				return noLimit
			}
			return o.limit
		}
	}
	return unknownLimit
}

// fieldName returns the name of the field a FieldAddr selects.
func fieldName(fa *ssa.FieldAddr) string {
	if f := fieldOf(fa.X.Type(), fa.Field, true); f != nil {
		return f.Name()
	}
	return ""
}

func isStdNetPkg(path string) bool {
	return path == "net/http" || path == "net" || path == "crypto/tls"
}

func isStdGlobal(g *ssa.Global, pkg, name string) bool {
	return g.Pkg != nil && g.Pkg.Pkg.Path() == pkg && g.Name() == name
}

func isStdGlobalLoad(v ssa.Value, pkg, name string) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && isStdGlobal(g, pkg, name)
}

// isParam reports whether v is a parameter of its function, perhaps
// converted, or captured by a closure (an option such as
// WithHTTPClient(c) returning func(s *Service) { s.hc = c }): a value
// the callers choose.
func (r *resolver) isParam(v ssa.Value) bool {
	for range maxDepth {
		switch x := v.(type) {
		case *ssa.Parameter:
			return true
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FreeVar:
			if v = ssakit.Binding(x); v == nil {
				return false
			}
		case *ssa.UnOp:
			// a captured parameter lives in a cell: *hc
			if x.Op != token.MUL {
				return false
			}
			addr := x.X
			if fv, ok := addr.(*ssa.FreeVar); ok {
				addr = ssakit.Binding(fv)
			}
			cell, ok := addr.(*ssa.Alloc)
			if !ok {
				return false
			}
			v = nil
			for _, in := range *cell.Referrers() {
				if st, ok := in.(*ssa.Store); ok && st.Addr == cell {
					if v != nil {
						return false // assigned more than once
					}
					v = st.Val
				}
			}
			if v == nil {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// isZero reports whether v is a constant zero or nil: a field explicitly
// set to its zero value is still unset.
func isZero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value == nil {
		return true
	}
	switch k.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(k.Value) == 0
	}
	return false
}
