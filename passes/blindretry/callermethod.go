package blindretry

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// RetriedAnyMethod is the category of a retry that resends a request
// whose method its caller chose: retry middleware (an http.RoundTripper
// that resends every request) and a client library's retry loop around
// a request built from its caller's method.
const RetriedAnyMethod = "retried-any-method"

// callerRequest classifies a send of req, an *http.Request that is a
// parameter of the sending function (perhaps copied by Clone or
// WithContext): its method is whatever the caller chose. The function
// must not look at the method, nor at an idempotency key, nor hand the
// request to code that could; then every method is retried alike.
func (st *state) callerRequest(o *opSite, req ssa.Value) *opSite {
	p := requestParam(req, 0)
	if p == nil || !isRequestType(p.Type()) || !st.untestedRequest(p, o.call) {
		return nil
	}
	o.category = RetriedAnyMethod
	o.what = "sends the caller's request, whatever its method,"
	return o
}

// callerMethod classifies a send of a request built in the function with
// a method that comes from the function's caller: a string parameter,
// or the field of a parameter (r.Method). The method, and the parameter
// it is read from, must be used for nothing but building the request.
func (st *state) callerMethod(o *opSite, method ssa.Value, keys []ssa.Value) *opSite {
	if method == nil || len(keys) > 0 || !untestedMethod(method) {
		return nil
	}
	o.category = RetriedAnyMethod
	o.what = "sends a request whose method comes from the caller"
	if p, ok := method.(*ssa.Parameter); ok {
		o.methodParam = ssakit.ParamIndex(p.Parent(), p)
	}
	return o
}

// requestParam returns the parameter a request value is, through
// Clone and WithContext, or nil.
func requestParam(v ssa.Value, depth int) *ssa.Parameter {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v
	case *ssa.Call:
		fn := ssakit.Callee(&v.Call)
		if fn != nil && isRequestMethod(fn) && (fn.Name() == "WithContext" || fn.Name() == "Clone") {
			return requestParam(v.Call.Args[0], depth+1)
		}
	}
	return nil
}

// untestedRequest reports whether the function uses the request
// parameter p only to send it (by send, or a copy of it), to read its
// body, URL and context, and to set headers: it never reads p.Method,
// never looks up an idempotency-key header, and never hands p to
// another function.
func (st *state) untestedRequest(p *ssa.Parameter, send *ssa.Call) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Phi:
				if !walk(r) {
					return false
				}
			case *ssa.FieldAddr:
				if !st.untestedField(fieldName(r.X.Type(), r.Field), r) {
					return false
				}
			case *ssa.Call:
				if r == send {
					continue
				}
				fn := ssakit.Callee(&r.Call)
				if fn != nil && isRequestMethod(fn) {
					switch fn.Name() {
					case "WithContext", "Clone":
						if !walk(r) {
							return false
						}
					case "Context", "Cookie", "Cookies", "UserAgent", "Referer":
					default:
						return false
					}
					continue
				}
				if r.Call.IsInvoke() && r.Call.Method.Name() == "RoundTrip" && len(r.Call.Args) == 1 && r.Call.Args[0] == v {
					continue // another attempt of the same send
				}
				return false // handed to a function that may test the method
			default:
				return false
			}
		}
		return true
	}
	return walk(p)
}

// untestedField reports whether a use of a field of the caller's request
// tests nothing: Method is a test; so is a lookup of an idempotency-key
// header.
func (st *state) untestedField(name string, fa *ssa.FieldAddr) bool {
	switch name {
	case "Method":
		return false
	case "Header":
		for _, r := range *fa.Referrers() {
			ld, ok := r.(*ssa.UnOp)
			if !ok {
				continue
			}
			for _, u := range *ld.Referrers() {
				c, ok := u.(*ssa.Call)
				if !ok {
					continue
				}
				fn := ssakit.Callee(&c.Call)
				if fn != nil && ssakit.RecvName(fn) == "Header" && (fn.Name() == "Get" || fn.Name() == "Values") &&
					len(c.Call.Args) == 2 && st.isKeyHeader(c.Call.Args[1]) {
					return false
				}
			}
		}
	}
	return true
}

// untestedMethod reports whether method, the method argument of a
// request constructor, comes from the caller (a string parameter, or a
// field of a parameter) and is used for nothing but building requests:
// no comparison, no isIdempotent(method), and the parameter it is read
// from is handed to no function (r.isIdempotent()).
func untestedMethod(method ssa.Value) bool {
	onlyBuilds := func(v ssa.Value) bool {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Call:
				fn := ssakit.Callee(&r.Call)
				if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" ||
					(fn.Name() != "NewRequest" && fn.Name() != "NewRequestWithContext") {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	switch m := method.(type) {
	case *ssa.Parameter:
		return onlyBuilds(m)
	case *ssa.UnOp:
		fa, ok := m.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		p, ok := fa.X.(*ssa.Parameter)
		if !ok {
			return false
		}
		field := fa.Field
		for _, r := range *p.Referrers() {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.FieldAddr:
				if r.Field != field {
					continue // the URL, the body
				}
				for _, u := range *r.Referrers() {
					ld, ok := u.(*ssa.UnOp)
					if !ok || !onlyBuilds(ld) {
						return false
					}
				}
			default:
				return false // r handed on, r.isIdempotent()
			}
		}
		return true
	}
	return false
}

// fieldName returns the name of field i of the struct ptr points to.
func fieldName(ptr types.Type, i int) string {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return ""
	}
	return s.Field(i).Name()
}
