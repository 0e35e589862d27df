// Package netops is toctou's knowledge of the network calls of the
// standard library: which functions send an HTTP request, dial a peer or
// start a server, where their context and network arguments are, which
// context constructors bound a context's life, and which fields of
// http.Client, http.Server, http.Transport, net.Dialer and tls.Dialer put
// a time limit on what those values do.
//
// Like fsops, the table is keyed by package path, receiver and name, so
// that results do not depend on analysis facts for the standard library.
package netops

import (
	"go/types"

	"github.com/toctou/toctou/internal/ssakit"
)

// Kind is what a function of the table does.
type Kind uint8

const (
	None Kind = iota

	// HTTPSendDefault: http.Get, Head, Post and PostForm send through
	// http.DefaultClient, with no context.
	HTTPSendDefault
	// ClientSend: (*http.Client).Get, Head, Post and PostForm send through
	// the receiver, with no context.
	ClientSend
	// ClientDo: (*http.Client).Do(req) sends req through the receiver;
	// req's context bounds it.
	ClientDo
	// RoundTrip: (*http.Transport).RoundTrip(req) and the RoundTrip
	// method of the http.RoundTripper interface send req through the
	// receiver, with no client around it; req's context and the
	// transport's ResponseHeaderTimeout bound it.
	RoundTrip

	// NewRequest: http.NewRequest builds a request with no context.
	NewRequest
	// NewRequestWithContext: the request carries the context at Ctx.
	NewRequestWithContext
	// RequestWithContext: (*http.Request).WithContext and Clone return a
	// copy of the receiver with the context at Ctx.
	RequestWithContext

	// Dial: net.Dial and net.DialTCP connect with no time limit.
	Dial
	// TLSDial: tls.Dial connects and shakes hands with no time limit.
	TLSDial
	// TLSDialWithDialer: tls.DialWithDialer(d, ...) is bounded by the
	// net.Dialer at Dialer.
	TLSDialWithDialer
	// DialerDial: (*net.Dialer).Dial is bounded by the receiver only.
	DialerDial
	// DialerDialContext: (*net.Dialer).DialContext and DialTCP are bounded
	// by the receiver and the context at Ctx.
	DialerDialContext
	// TLSDialerDial: (*tls.Dialer).Dial is bounded by the receiver only.
	TLSDialerDial
	// TLSDialerDialContext: (*tls.Dialer).DialContext is bounded by the
	// receiver and the context at Ctx.
	TLSDialerDialContext

	// ProxyDial: the Dial method of a golang.org/x/net/proxy Dialer
	// (and of proxy.Direct) connects through the proxy's forward dialer,
	// bounded by nothing else.
	ProxyDial

	// ServeFunc: http.ListenAndServe, ListenAndServeTLS, Serve and
	// ServeTLS start a server that cannot have timeouts.
	ServeFunc
	// ServerStart: (*http.Server).ListenAndServe, ListenAndServeTLS, Serve
	// and ServeTLS start the receiver.
	ServerStart
)

// Func describes one function of the table. Argument indices count the
// receiver of a method as argument 0, as SSA calls do.
type Func struct {
	Kind    Kind
	Ctx     int // the context argument, or -1
	Network int // the network argument ("tcp", "unix"), or -1
	Req     int // the *http.Request argument, or -1
	URL     int // the URL argument, or -1
	Dialer  int // the *net.Dialer argument of tls.DialWithDialer, or -1
	Addr    int // the address argument of a dial, a string ("host:port", a socket path), or -1
}

func fn(k Kind) Func {
	return Func{Kind: k, Ctx: -1, Network: -1, Req: -1, URL: -1, Dialer: -1, Addr: -1}
}

func (f Func) ctx(i int) Func     { f.Ctx = i; return f }
func (f Func) network(i int) Func { f.Network = i; return f }
func (f Func) req(i int) Func     { f.Req = i; return f }
func (f Func) url(i int) Func     { f.URL = i; return f }
func (f Func) dialer(i int) Func  { f.Dialer = i; return f }

// dial sets the network argument and the address argument after it.
func (f Func) dial(i int) Func { f.Network, f.Addr = i, i+1; return f }

// table is keyed by package path, then by "Name" for functions and
// "Recv.Name" for methods (Recv without the pointer).
var table = map[string]map[string]Func{
	"net/http": {
		"Get":                      fn(HTTPSendDefault).url(0),
		"Head":                     fn(HTTPSendDefault).url(0),
		"Post":                     fn(HTTPSendDefault).url(0),
		"PostForm":                 fn(HTTPSendDefault).url(0),
		"Client.Get":               fn(ClientSend).url(1),
		"Client.Head":              fn(ClientSend).url(1),
		"Client.Post":              fn(ClientSend).url(1),
		"Client.PostForm":          fn(ClientSend).url(1),
		"Client.Do":                fn(ClientDo).req(1),
		"Transport.RoundTrip":      fn(RoundTrip).req(1),
		"RoundTripper.RoundTrip":   fn(RoundTrip).req(1),
		"NewRequest":               fn(NewRequest).url(1),
		"NewRequestWithContext":    fn(NewRequestWithContext).ctx(0).url(2),
		"Request.WithContext":      fn(RequestWithContext).ctx(1),
		"Request.Clone":            fn(RequestWithContext).ctx(1),
		"ListenAndServe":           fn(ServeFunc),
		"ListenAndServeTLS":        fn(ServeFunc),
		"Serve":                    fn(ServeFunc),
		"ServeTLS":                 fn(ServeFunc),
		"Server.ListenAndServe":    fn(ServerStart),
		"Server.ListenAndServeTLS": fn(ServerStart),
		"Server.Serve":             fn(ServerStart),
		"Server.ServeTLS":          fn(ServerStart),
	},
	"net": {
		"Dial":               fn(Dial).dial(0),
		"DialTCP":            fn(Dial).network(0),
		"Dialer.Dial":        fn(DialerDial).dial(1),
		"Dialer.DialContext": fn(DialerDialContext).ctx(1).dial(2),
		"Dialer.DialTCP":     fn(DialerDialContext).ctx(1).network(2),
	},
	"golang.org/x/net/proxy": {
		"Dialer.Dial": fn(ProxyDial).dial(1),
		"direct.Dial": fn(ProxyDial).dial(1),
	},
	"crypto/tls": {
		"Dial":               fn(TLSDial).dial(0),
		"DialWithDialer":     fn(TLSDialWithDialer).dialer(0).dial(1),
		"Dialer.Dial":        fn(TLSDialerDial).dial(1),
		"Dialer.DialContext": fn(TLSDialerDialContext).ctx(1).dial(2),
	},
}

// Lookup returns the table entry of a function or method.
func Lookup(f *types.Func) (Func, bool) {
	if f == nil || f.Pkg() == nil {
		return Func{}, false
	}
	funcs, ok := table[f.Pkg().Path()]
	if !ok {
		return Func{}, false
	}
	key := f.Name()
	if recv := ssakit.RecvName(f); recv != "" {
		key = recv + "." + key
	}
	e, ok := funcs[key]
	return e, ok
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// Imports reports whether pkg imports a package of the table directly: a
// package that does not cannot call a table function.
func Imports(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, ok := table[imp.Path()]; ok {
			return true
		}
	}
	return false
}

// Defines reports whether pkg is a package of the table: its own
// wrappers (http.Get calling DefaultClient.Get) are the API, not uses of it.
func Defines(pkg *types.Package) bool {
	_, ok := table[pkg.Path()]
	return ok
}

// Lifetime is what a function of package context does to the life of the
// context it returns.
type Lifetime uint8

const (
	NotContext Lifetime = iota
	// Forever: context.Background, TODO, and WithoutCancel, whose result
	// never expires and is never cancelled.
	Forever
	// Inherit: context.WithValue returns a context that ends when its
	// parent (argument 0) ends.
	Inherit
	// InheritCancel: context.WithCancel and WithCancelCause add a cancel
	// function to the parent's life; whether it bounds anything depends
	// on who calls it.
	InheritCancel
	// Deadline: context.WithTimeout, WithDeadline and their Cause
	// variants return a context that ends at a deadline.
	Deadline
)

var contextFuncs = map[string]Lifetime{
	"Background":        Forever,
	"TODO":              Forever,
	"WithoutCancel":     Forever,
	"WithValue":         Inherit,
	"WithCancel":        InheritCancel,
	"WithCancelCause":   InheritCancel,
	"WithTimeout":       Deadline,
	"WithDeadline":      Deadline,
	"WithTimeoutCause":  Deadline,
	"WithDeadlineCause": Deadline,
}

// ContextLifetime classifies a function of package context.
func ContextLifetime(f *types.Func) Lifetime {
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "context" || ssakit.RecvName(f) != "" {
		return NotContext
	}
	return contextFuncs[f.Name()]
}

// Bounded describes a struct type of the standard library whose fields
// put a time limit on what its values do.
type Bounded struct {
	Type   string   // "http.Client", as messages name it
	Fields []string // setting any of these to a non-zero value sets a limit
	// Delegates are fields holding another value that may set a limit:
	// an http.Client's Transport, a tls.Dialer's NetDialer.
	Delegates []string
}

var boundedTypes = map[string]map[string]Bounded{
	"net/http": {
		"Client":    {"http.Client", []string{"Timeout"}, []string{"Transport"}},
		"Server":    {"http.Server", []string{"ReadHeaderTimeout", "ReadTimeout"}, nil},
		"Transport": {"http.Transport", []string{"ResponseHeaderTimeout"}, nil},
	},
	"net": {
		"Dialer": {"net.Dialer", []string{"Timeout", "Deadline"}, nil},
	},
	"crypto/tls": {
		"Dialer": {"tls.Dialer", nil, []string{"NetDialer"}},
	},
}

// BoundedType returns the description of t (a struct type or a pointer
// to one) when it is one of the types whose fields set time limits.
func BoundedType(t types.Type) (Bounded, bool) {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return Bounded{}, false
	}
	b, ok := boundedTypes[n.Obj().Pkg().Path()][n.Obj().Name()]
	return b, ok
}

// TransportBounded describes http.Transport: what an http.RoundTripper
// of the standard library bounds its requests with.
func TransportBounded() Bounded { return boundedTypes["net/http"]["Transport"] }

// IsType reports whether t (or the type t points to) is the named type
// pkg.name.
func IsType(t types.Type, pkg, name string) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
