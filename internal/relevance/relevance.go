// Package relevance decides who can reach this code: the role of the
// program a package belongs to (an example, a benchmark program, a
// developer tool, or ordinary code) and the role of a server (a debug,
// metrics or profiling listener, a listener only the machine itself can
// reach, or a network server). Checks ask it before reporting, so that a
// finding no stranger can trigger is dropped or demoted the same way in
// every check. It decides from what the code says (import path elements,
// package name, build tags, addresses, listener types and handlers),
// never from a list of known projects.
package relevance

import (
	"go/ast"
	"go/build/constraint"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A Role is who runs a package's code.
type Role int

const (
	Ordinary  Role = iota // code a deployed program runs
	Example               // an example program
	Benchmark             // a benchmark program
	DevTool               // a developer tool or maintainer script
)

func (r Role) String() string {
	switch r {
	case Example:
		return "example"
	case Benchmark:
		return "benchmark"
	case DevTool:
		return "developer tool"
	}
	return "ordinary"
}

// PackageRole returns the role of the package of pass, decided from the
// elements of its import path below its module (examples, benchmarks;
// for package main also tools, hack, scripts) and from the build tags
// of its files (ignore, tools).
func PackageRole(pass *analysis.Pass) Role {
	if r := pathRole(pass); r != Ordinary {
		return r
	}
	for _, f := range pass.Files {
		if r := FileRole(f); r != Ordinary {
			return r
		}
	}
	return Ordinary
}

// pathRole decides from the import path below the module path: the
// module's own name (golang.org/x/tools, a repository called examples)
// says nothing of the role of its packages.
func pathRole(pass *analysis.Pass) Role {
	path := pass.Pkg.Path()
	if pass.Module != nil && pass.Module.Path != "" {
		if path == pass.Module.Path {
			path = ""
		} else {
			path = strings.TrimPrefix(path, pass.Module.Path+"/")
		}
	}
	return PathRole(path, pass.Pkg.Name() == "main")
}

// PathRole returns the role of a package from the elements of its
// import path (relative to its module when known) and whether it is a
// main package.
func PathRole(path string, main bool) Role {
	elems := strings.Split(path, "/")
	for i, e := range elems {
		switch e {
		case "example", "examples", "_examples", "_example":
			return Example
		case "benchmark", "benchmarks", "_benchmarks":
			return Benchmark
		case "tools":
			if main || i > 0 && elems[i-1] == "internal" {
				return DevTool
			}
		case "hack", "scripts", "script":
			if main {
				return DevTool
			}
		}
	}
	return Ordinary
}

// FileRole returns the role a file's build constraint gives it: a file
// built only with the ignore tag is a script run with go run, one built
// with the tools tag records developer tools.
func FileRole(f *ast.File) Role {
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				continue
			}
			// the file is built only when the tag is set (other
			// tags, such as an operating system, taken as set)
			for _, tag := range []string{"ignore", "tools"} {
				with := expr.Eval(func(t string) bool { return t == tag || t != "ignore" && t != "tools" })
				without := expr.Eval(func(t string) bool { return t != "ignore" && t != "tools" })
				if with && !without {
					return DevTool
				}
			}
		}
	}
	return Ordinary
}

// LocalAddr reports whether v, the address of a server, can only be
// reached from the machine itself: a loopback literal ("127.0.0.1:…",
// "localhost:…", "[::1]:…"), perhaps completed by string concatenation
// or fmt.Sprintf.
func LocalAddr(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value != nil && x.Value.Kind() == constant.String && loopback(constant.StringVal(x.Value))
	case *ssa.BinOp:
		return x.Op == token.ADD && LocalAddr(x.X)
	case *ssa.Call:
		if fn, ok := x.Call.Value.(*ssa.Function); ok && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "fmt" &&
			fn.Name() == "Sprintf" && len(x.Call.Args) > 0 {
			return LocalAddr(x.Call.Args[0])
		}
		if fn, ok := x.Call.Value.(*ssa.Function); ok && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "net" &&
			fn.Name() == "JoinHostPort" && len(x.Call.Args) == 2 {
			k, ok := x.Call.Args[0].(*ssa.Const)
			return ok && k.Value != nil && k.Value.Kind() == constant.String && loopbackHost(constant.StringVal(k.Value))
		}
	}
	return false
}

func loopback(addr string) bool {
	if strings.HasPrefix(addr, "[::1]:") {
		return true
	}
	host, _, ok := strings.Cut(addr, ":")
	return ok && loopbackHost(host)
}

func loopbackHost(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

// LocalListener reports whether v, a net.Listener, accepts only
// connections from the machine itself or from the process: a Unix
// socket, a TCP listener on a loopback address, or an in-memory
// listener (grpc's bufconn, fasthttputil's InmemoryListener, or any
// listener type whose name says it is in memory or a pipe). It follows
// interface conversions, tls.NewListener and local variables.
func LocalListener(v ssa.Value) bool { return localListener(v, 0) }

func localListener(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	depth++
	if inMemoryType(v.Type()) {
		return true
	}
	var call *ssa.Call
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return localListener(x.X, depth)
	case *ssa.ChangeInterface:
		return localListener(x.X, depth)
	case *ssa.UnOp:
		cell, ok := x.X.(*ssa.Alloc)
		if !ok || x.Op != token.MUL {
			return false
		}
		stored := false
		for _, in := range *cell.Referrers() {
			if st, ok := in.(*ssa.Store); ok && st.Addr == cell {
				if !localListener(st.Val, depth) {
					return false
				}
				stored = true
			}
		}
		return stored
	case *ssa.Extract:
		if x.Index != 0 {
			return false
		}
		call, _ = x.Tuple.(*ssa.Call)
	case *ssa.Call:
		call = x
	}
	if call == nil {
		return false
	}
	fn := callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	args := call.Call.Args
	switch fn.Pkg().Path() + "." + recvName(fn) + "." + fn.Name() {
	case "crypto/tls..NewListener":
		return len(args) == 2 && localListener(args[0], depth)
	case "net..ListenUnix", "google.golang.org/grpc/test/bufconn..Listen",
		"github.com/valyala/fasthttp/fasthttputil..NewInmemoryListener":
		return true
	case "net..Listen":
		return len(args) == 2 && localNetwork(args[0], args[1])
	case "net.ListenConfig.Listen":
		return len(args) == 4 && localNetwork(args[2], args[3])
	}
	return false
}

// localNetwork reports whether listening on network and addr admits
// only local peers: a Unix socket, or TCP on a loopback address.
func localNetwork(network, addr ssa.Value) bool {
	k, ok := network.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(k.Value) {
	case "unix", "unixpacket":
		return true
	case "tcp", "tcp4", "tcp6":
		return LocalAddr(addr)
	}
	return false
}

// inMemoryType reports whether t names a listener type that keeps its
// connections in memory.
func inMemoryType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	name := strings.ToLower(n.Obj().Name())
	return strings.Contains(name, "inmemory") || strings.Contains(name, "memlistener") ||
		strings.Contains(name, "pipelistener") ||
		n.Obj().Pkg().Path() == "google.golang.org/grpc/test/bufconn" && n.Obj().Name() == "Listener"
}

// DebugHandler reports whether v, the handler of a server, serves only
// debugging, metrics or profiling endpoints: promhttp's Handler,
// expvar's Handler, net/http/pprof's handlers, or a ServeMux made in the
// function whose every route starts with /debug/ or /metrics.
func DebugHandler(v ssa.Value) bool { return debugHandler(v, 0) }

func debugHandler(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	depth++
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return debugHandler(x.X, depth)
	case *ssa.ChangeInterface:
		return debugHandler(x.X, depth)
	case *ssa.ChangeType:
		return debugHandler(x.X, depth) // http.HandlerFunc(pprof.Index)
	case *ssa.Function:
		return x.Pkg != nil && x.Pkg.Pkg.Path() == "net/http/pprof"
	case *ssa.Call:
		fn := callee(x)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "github.com/prometheus/client_golang/prometheus/promhttp.Handler",
			"github.com/prometheus/client_golang/prometheus/promhttp.HandlerFor",
			"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentMetricHandler",
			"expvar.Handler", "net/http/pprof.Handler":
			return true
		case "net/http.NewServeMux":
			return debugMux(x)
		}
	}
	return false
}

// debugMux reports whether every route registered on mux, a ServeMux
// made by http.NewServeMux, is a debug or metrics route, and at least
// one is. A mux that leaves the function some other way is not known.
func debugMux(mux *ssa.Call) bool {
	routes := 0
	for _, in := range *mux.Referrers() {
		switch u := in.(type) {
		case *ssa.Call:
			fn := callee(u)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || recvName(fn) != "ServeMux" {
				return false
			}
			if fn.Name() != "Handle" && fn.Name() != "HandleFunc" || len(u.Call.Args) < 2 || u.Call.Args[0] != mux {
				return false
			}
			k, ok := u.Call.Args[1].(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String || !debugRoute(constant.StringVal(k.Value)) {
				return false
			}
			routes++
		case *ssa.MakeInterface, *ssa.Store:
			// the mux handed to the server
		default:
			return false
		}
	}
	return routes > 0
}

// debugRoute reports whether a ServeMux pattern ("/debug/pprof/",
// "GET /metrics") serves debugging or metrics.
func debugRoute(pattern string) bool {
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		pattern = strings.TrimSpace(pattern[i+1:]) // a method
	}
	if i := strings.IndexByte(pattern, '/'); i > 0 {
		pattern = pattern[i:] // a host
	}
	return strings.HasPrefix(pattern, "/debug/") || pattern == "/metrics" || strings.HasPrefix(pattern, "/metrics/")
}

// ServerFields returns what is stored into the Addr and Handler fields
// of srv, an *http.Server allocated in the function (&http.Server{...}
// or a local variable), or nils when the server comes from elsewhere or
// a field is stored more than once.
func ServerFields(srv ssa.Value) (addr, handler ssa.Value) {
	for {
		if u, ok := srv.(*ssa.UnOp); ok && u.Op == token.MUL {
			if cell, ok := u.X.(*ssa.Alloc); ok {
				var val ssa.Value
				for _, in := range *cell.Referrers() {
					if st, ok := in.(*ssa.Store); ok && st.Addr == cell {
						if val != nil {
							return nil, nil
						}
						val = st.Val
					}
				}
				if val == nil {
					return nil, nil
				}
				srv = val
				continue
			}
		}
		break
	}
	alloc, ok := srv.(*ssa.Alloc)
	if !ok {
		return nil, nil
	}
	stores := map[string]int{}
	for _, in := range *alloc.Referrers() {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		st, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok {
			continue
		}
		s, ok := st.Elem().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		name := s.Field(fa.Field).Name()
		if name != "Addr" && name != "Handler" {
			continue
		}
		for _, use := range *fa.Referrers() {
			if w, ok := use.(*ssa.Store); ok && w.Addr == fa {
				stores[name]++
				if name == "Addr" {
					addr = w.Val
				} else {
					handler = w.Val
				}
			}
		}
	}
	if stores["Addr"] > 1 {
		addr = nil
	}
	if stores["Handler"] > 1 {
		handler = nil
	}
	return addr, handler
}

// LocalServer reports whether an http server with this address,
// listener and handler (each may be nil when not known) is reachable by
// no stranger, or serves only debug and metrics endpoints: the reports
// of a missing server timeout on it are moot.
func LocalServer(addr, listener, handler ssa.Value) bool {
	return addr != nil && LocalAddr(addr) ||
		listener != nil && LocalListener(listener) ||
		handler != nil && DebugHandler(handler)
}

func callee(call *ssa.Call) *types.Func {
	f := call.Call.StaticCallee()
	if f == nil {
		return nil
	}
	if o := f.Origin(); o != nil {
		f = o
	}
	fn, _ := f.Object().(*types.Func)
	return fn
}

// recvName returns the name of the named type of fn's receiver, or "".
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
