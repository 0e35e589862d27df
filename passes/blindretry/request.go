package blindretry

import (
	"go/constant"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// requestInfo is what a function shows of an HTTP request it sends.
type requestInfo struct {
	visible bool   // the request is built here and goes nowhere unknown
	method  string // its method, when it is a constant
	// methodVal is the constructor's method argument, when the method
	// is set nowhere else
	methodVal ssa.Value
	keys      []ssa.Value // the values of its idempotency-key headers
	items     []ssa.Value // the URL and body it was built from
}

// request traces the *http.Request (or *retryablehttp.Request) v back to
// where it was built (http.NewRequest[WithContext], a composite literal,
// retryablehttp.NewRequest, through WithContext and Clone) and forward to
// every use, collecting the method and the idempotency-key headers. It
// reports a request that was built elsewhere, or that is passed to a
// function that could set its headers, as not visible.
func (st *state) request(v ssa.Value) requestInfo {
	t := &reqTracer{st: st, family: make(map[ssa.Value]bool)}
	if !t.back(v, 0) || t.origin == nil {
		return requestInfo{}
	}
	for i := 0; i < len(t.queue); i++ {
		if !t.forward(t.queue[i]) {
			return requestInfo{}
		}
	}
	info := requestInfo{visible: true, keys: t.keys, items: t.items}
	info.method = t.method
	if t.methodStores > 1 || t.methodUnknown {
		info.method = ""
	}
	if t.methodStores == 0 {
		info.methodVal = t.methodVal
	}
	return info
}

// reqTracer holds one request's trace.
type reqTracer struct {
	st            *state
	family        map[ssa.Value]bool // values that are the request (or a copy)
	queue         []ssa.Value
	origin        ssa.Value
	method        string
	methodStores  int
	methodUnknown bool
	methodVal     ssa.Value
	keys          []ssa.Value
	items         []ssa.Value
}

// add puts v in the request's family and queues it for the forward walk.
func (t *reqTracer) add(v ssa.Value) {
	if !t.family[v] {
		t.family[v] = true
		t.queue = append(t.queue, v)
	}
}

// back walks from a use of the request to where it was built.
func (t *reqTracer) back(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	t.add(v)
	switch v := v.(type) {
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 {
			return false
		}
		fn := ssakit.Callee(&call.Call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		args := call.Call.Args
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "net/http.NewRequest", retryableHTTPPath + ".NewRequest":
			return t.built(call, args[0], args[1:])
		case "net/http.NewRequestWithContext", retryableHTTPPath + ".NewRequestWithContext":
			return t.built(call, args[1], args[2:])
		case retryableHTTPPath + ".FromRequest":
			return t.back(args[0], depth+1)
		}
	case *ssa.Call:
		fn := ssakit.Callee(&v.Call)
		if fn != nil && isRequestMethod(fn) && (fn.Name() == "WithContext" || fn.Name() == "Clone") {
			return t.back(v.Call.Args[0], depth+1)
		}
	case *ssa.Alloc:
		if isRequestType(v.Type()) {
			t.origin = v
			return true
		}
	case *ssa.UnOp:
		if cell := loadedCell(v); cell != nil {
			stores := cell.stores()
			if len(stores) == 1 {
				return t.back(stores[0].Val, depth+1)
			}
		}
	}
	return false
}

// built records the request constructor call and its method argument.
func (t *reqTracer) built(call *ssa.Call, method ssa.Value, items []ssa.Value) bool {
	t.origin = call
	t.items = items
	t.methodVal = method
	if k, ok := method.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		t.method = constant.StringVal(k.Value)
	} else {
		t.methodUnknown = true
	}
	return true
}

// forward checks every use of one value of the family.
func (t *reqTracer) forward(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Phi:
			t.add(r)
		case *ssa.Extract:
			// (the error of NewRequest; the request is Index 0)
			if r.Index == 0 {
				t.add(r)
			}
		case *ssa.Call:
			if !t.call(r) {
				return false
			}
		case *ssa.FieldAddr:
			if !t.field(r) {
				return false
			}
		case *ssa.Store:
			if r.Val != v {
				continue // a store into the request itself (*req = ...)
			}
			cell := cellOf(r.Addr)
			if cell == nil {
				return false // stored where we cannot follow it
			}
			if len(cell.stores()) != 1 {
				return false
			}
			for _, l := range cell.loads() {
				t.add(l)
			}
		default:
			return false // converted, compared, sent on a channel: give up
		}
	}
	return true
}

// call checks a call that uses the request: sending it, copying it, or a
// method of the request are fine; any other function could set headers.
func (t *reqTracer) call(call *ssa.Call) bool {
	if call == t.origin {
		return true
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if isRequestMethod(fn) {
		if fn.Name() == "WithContext" || fn.Name() == "Clone" {
			t.add(call)
		}
		return true
	}
	switch fn.Pkg().Path() + "." + ssakit.RecvName(fn) + "." + fn.Name() {
	case "net/http.Client.Do", "net/http.Transport.RoundTrip",
		retryableHTTPPath + ".Client.Do", retryableHTTPPath + "..FromRequest",
		"net/http/httputil..DumpRequest", "net/http/httputil..DumpRequestOut":
		if fn.Name() == "FromRequest" {
			t.add(call) // a (*Request, error) tuple; its Extract 0 joins the family
		}
		return true
	}
	return false
}

// field checks a use of a field of the request: its Header is followed
// for idempotency keys, its Method for the method; the rest are data.
func (t *reqTracer) field(fa *ssa.FieldAddr) bool {
	st, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := st.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	name := s.Field(fa.Field).Name()
	refs := fa.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp: // a load
			switch name {
			case "Header":
				if !t.header(r) {
					return false
				}
			case "Request": // the *http.Request inside a retryablehttp.Request
				t.add(r)
			}
		case *ssa.Store:
			if r.Addr != fa {
				return false
			}
			switch name {
			case "Method":
				t.methodStores++
				if k, ok := r.Val.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
					t.method = constant.StringVal(k.Value)
				} else {
					t.methodUnknown = true
				}
			case "Header":
				if !t.header(r.Val) {
					return false
				}
			case "Request":
				t.add(r.Val)
			}
		default:
			if name == "Header" || name == "Request" {
				return false // &req.Header handed on
			}
		}
	}
	return true
}

// header checks every use of a header map of the request and collects
// the values set under an idempotency-key name.
func (t *reqTracer) header(h ssa.Value) bool {
	refs := h.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef, *ssa.Lookup:
		case *ssa.MapUpdate:
			if r.Map == h && t.st.isKeyHeader(r.Key) {
				t.keys = append(t.keys, sliceElem(r.Value))
			}
		case *ssa.Store:
			if r.Val != h {
				return false
			}
			if fa, ok := r.Addr.(*ssa.FieldAddr); ok && t.family[fa.X] {
				continue // the request's Header field (an assignment or a literal)
			}
			if cellOf(r.Addr) == nil {
				return false
			}
		case *ssa.Call:
			fn := ssakit.Callee(&r.Call)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || ssakit.RecvName(fn) != "Header" {
				return false // handed to a function that may set the key
			}
			if (fn.Name() == "Set" || fn.Name() == "Add") && len(r.Call.Args) == 3 && t.st.isKeyHeader(r.Call.Args[1]) {
				t.keys = append(t.keys, r.Call.Args[2])
			}
		default:
			return false
		}
	}
	return true
}

// sliceElem returns the single element of a []string{v} literal, or the
// slice itself.
func sliceElem(v ssa.Value) ssa.Value {
	if elems, ok := ssakit.LiteralElems(v); ok && len(elems) > 0 {
		return elems[0]
	}
	return v
}

// isKeyHeader reports whether v is a constant naming an idempotency-key
// header.
func (st *state) isKeyHeader(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	return st.keys[textproto.CanonicalMIMEHeaderKey(constant.StringVal(k.Value))]
}

// keyHeaderNames returns the canonical names of the headers that carry an
// idempotency key: the two common ones and those of -blindretry.keys.
func keyHeaderNames(extra string) map[string]bool {
	names := map[string]bool{"Idempotency-Key": true, "X-Idempotency-Key": true}
	for n := range strings.SplitSeq(extra, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names[textproto.CanonicalMIMEHeaderKey(n)] = true
		}
	}
	return names
}

// isRequestMethod reports whether fn is a method of http.Request or of
// retryablehttp.Request.
func isRequestMethod(fn *types.Func) bool {
	if ssakit.RecvName(fn) != "Request" {
		return false
	}
	p := fn.Pkg().Path()
	return p == "net/http" || p == retryableHTTPPath
}

// isRequestType reports whether t is *http.Request or *retryablehttp.Request.
func isRequestType(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Request" {
		return false
	}
	path := n.Obj().Pkg().Path()
	return path == "net/http" || path == retryableHTTPPath
}
