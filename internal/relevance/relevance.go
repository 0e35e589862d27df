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
	"net"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A Role is who runs a package's code.
type Role int

const (
	Ordinary  Role = iota // code a deployed program runs
	Example               // an example or demo program
	Benchmark             // a benchmark program
	DevTool               // a developer tool, maintainer script or maintainer test program
	TestUtil              // a test utility: code only tests run, in a non-test package
)

func (r Role) String() string {
	switch r {
	case Example:
		return "example"
	case Benchmark:
		return "benchmark"
	case DevTool:
		return "developer tool"
	case TestUtil:
		return "test utility"
	}
	return "ordinary"
}

// PackageRole returns the role of the package of pass, decided from the
// words of the elements of its import path below its module (PathRole:
// examples, demos, benchmarks, test programs and test utilities,
// developer tools), from the code of a main package (mainRole: a
// program that imports testing or starts an httptest server, one whose
// files are all named as examples), from its name and imports (a test
// utility: it names a testing type, or it is the xtest helper of a
// package x it imports), from the build tags of its files when every
// non-test file has one (ignore, tools; the test-only tags integration
// and e2e: one tagged file is demoted alone), and from imports of a
// container test framework (dockertest, testcontainers-go, crossdock-go).
func PackageRole(pass *analysis.Pass) Role {
	if r := pathRole(pass); r != Ordinary {
		return r
	}
	if r := mainRole(pass); r != Ordinary {
		return r
	}
	if testUtility(pass) {
		return TestUtil
	}
	// a file's build tag gives its role to that file alone (FileRoleIn),
	// unless every file of the package has one: a tools.go built with
	// -tags tools into the module's root package leaves the package
	// ordinary
	role := Ordinary
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		r := FileRole(f)
		if r == Ordinary {
			return Ordinary
		}
		role = r
	}
	return role
}

// testUtility reports whether the package is a test utility by what its
// non-test files say:
//   - its code names a type of package testing (T, B, TB, F, M): they are
//     only handed out by the test runner, so the code is run by tests (a
//     main package that does runs testing.Benchmark: a benchmark program,
//     demoted the same way). Importing testing for testing.Testing(),
//     which production code calls to ask whether it runs under a test,
//     does not count;
//   - the package is named xtest (httptest, iotest, fstest) and imports a
//     package named x: Go's convention for the test helpers of x. The
//     import is required so that an ordinary word ending in "test"
//     (latest, contest) is not taken for one;
//   - its name is testutil, testutils, testhelper, testhelpers or testing
//     (a package of its own named testing holds fakes for tests, as
//     client-go's does; the standard library's makes no network calls).
//   - it imports a framework of integration tests run in containers
//     (containerTestFrameworks: ory/dockertest, testcontainers-go,
//     crossdock-go): the harness of an integration suite (headscale's
//     integration/hsic, jaeger's crossdock), whose servers, clients and
//     files live in the test's containers.
//
// Importing net/http/httptest alone does not make a test utility:
// production code uses httptest.NewRecorder to capture what a handler
// writes (caches, renderers, batch endpoints).
func testUtility(pass *analysis.Pass) bool {
	name := pass.Pkg.Name()
	switch name {
	case "testutil", "testutils", "testhelper", "testhelpers", "testing":
		return true
	}
	var helperOf string
	if x, ok := strings.CutSuffix(name, "test"); ok && x != "" {
		helperOf = x
	}
	if files, n := TestingFiles(pass), nonTestFiles(pass); n > 0 && len(files) == n {
		return true // every file names a testing type (one that does is a test-utility file: FileRoleIn)
	}
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue // the test variant of a package sees its tests' imports too
		}
		for _, spec := range f.Imports {
			path := strings.Trim(spec.Path.Value, "`\"")
			if containerTestFramework(path) {
				return true
			}
			if helperOf != "" {
				for _, imp := range pass.Pkg.Imports() {
					if imp.Path() == path && imp.Name() == helperOf {
						return true
					}
				}
			}
		}
	}
	return false
}

// containerTestFrameworks are the import paths of libraries whose only
// use is to run integration tests in containers: "Use Docker to run
// your Golang integration tests" (ory/dockertest), "throwaway,
// lightweight instances of databases ... or anything else that can run
// in a Docker container" for tests (testcontainers-go), and the client
// of Crossdock, "a tool for cross-language integration testing" whose
// test drivers run in a docker-compose network of the services under
// test (crossdock-go: jaeger's crossdock driver, yarpc's). A subpackage
// of testcontainers-go (modules/postgres) counts; dockertest's docker
// subpackage, a Docker API client, does not.
var containerTestFrameworks = []string{
	"github.com/ory/dockertest",
	"github.com/ory/dockertest/v3",
	"github.com/testcontainers/testcontainers-go",
	"github.com/crossdock/crossdock-go",
}

// containerTestFramework reports whether path is one of
// containerTestFrameworks, or a package of testcontainers-go's module.
func containerTestFramework(path string) bool {
	return slices.Contains(containerTestFrameworks, path) ||
		strings.HasPrefix(path, "github.com/testcontainers/testcontainers-go/")
}

// TestingFiles returns the non-test files of the package whose code
// names a type of package testing (T, B, TB, F, M): test-utility files.
// A production package may keep its test helpers in one such file
// (tsdb/testutil.go beside the database's code): only that file's
// findings are demoted, not the package's.
func TestingFiles(pass *analysis.Pass) map[*token.File]bool {
	files := make(map[*token.File]bool)
	for id, obj := range pass.TypesInfo.Uses {
		if tn, ok := obj.(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path() == "testing" {
			if f := pass.Fset.File(id.Pos()); f != nil && !strings.HasSuffix(f.Name(), "_test.go") {
				files[f] = true // (the test variant of a package sees its tests too)
			}
		}
	}
	return files
}

// nonTestFiles counts the package's files that are not _test.go files.
func nonTestFiles(pass *analysis.Pass) int {
	n := 0
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && !strings.HasSuffix(tf.Name(), "_test.go") {
			n++
		}
	}
	return n
}

// FileRoleIn is the role of one file of the package: its FileRole, or
// TestUtil for a file of testing (TestingFiles).
func FileRoleIn(f *ast.File, testing map[*token.File]bool, fset *token.FileSet) Role {
	if r := FileRole(f); r != Ordinary {
		return r
	}
	if testing[fset.File(f.Pos())] {
		return TestUtil
	}
	return Ordinary
}

// FileRole returns the role a file's build constraint gives it: a file
// built only with the ignore tag is a script run with go run, one built
// with the tools tag records developer tools, and one built only with the
// integration or e2e tag is test code that go test -tags runs.
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
			for _, tag := range roleTags {
				with := expr.Eval(func(t string) bool { return t == tag.name || !isRoleTag(t) })
				without := expr.Eval(func(t string) bool { return !isRoleTag(t) })
				if with && !without {
					return tag.role
				}
			}
		}
	}
	return Ordinary
}

// roleTags are the build tags that give a file a role when the file is
// built only with them.
var roleTags = []struct {
	name string
	role Role
}{{"ignore", DevTool}, {"tools", DevTool}, {"integration", TestUtil}, {"e2e", TestUtil}}

func isRoleTag(t string) bool {
	for _, tag := range roleTags {
		if tag.name == t {
			return true
		}
	}
	return false
}

// LocalAddr reports whether v, the address of a server or of a dial, can
// only be reached from the machine itself: a loopback literal
// ("127.0.0.1:…", "localhost:…", "[::1]:…"), perhaps completed by string
// concatenation or fmt.Sprintf, or net.JoinHostPort of a loopback host.
func LocalAddr(v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok {
		if fn, ok := call.Call.Value.(*ssa.Function); ok && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "net" &&
			fn.Name() == "JoinHostPort" && len(call.Call.Args) == 2 {
			k, ok := call.Call.Args[0].(*ssa.Const)
			return ok && k.Value != nil && k.Value.Kind() == constant.String && loopbackHost(constant.StringVal(k.Value))
		}
	}
	prefix, _ := constPrefix(v)
	return loopback(prefix)
}

// LocalURL reports whether v, the URL of a request, names a loopback
// host in its constant beginning ("http://127.0.0.1:" + port + "/health",
// fmt.Sprintf("http://localhost:%d/…", port), "https://[::1]:8443/"): the
// peer is a process of the same machine, no stranger. The host must end
// within the constant (a ':', '/', '?' or '#' after it, or the whole URL
// constant), so "http://localhost" + suffix is not local, and a URL with
// user information ("http://localhost:80@host/") is not either.
func LocalURL(v ssa.Value) bool {
	if sprintfLoopbackHost(v) {
		return true
	}
	return loopbackURLPrefix(constPrefix(v))
}

// loopbackURLPrefix reports whether prefix, the constant beginning of a
// URL (all of it when whole), names a loopback host that ends within it,
// with no user information (LocalURL).
func loopbackURLPrefix(prefix string, whole bool) bool {
	_, rest, ok := strings.Cut(prefix, "://")
	if !ok {
		return false
	}
	end := strings.IndexAny(rest, "/?#")
	complete := end >= 0 || whole
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	if strings.Contains(authority, "@") {
		return false
	}
	if strings.HasPrefix(authority, "[") {
		host, _, ok := strings.Cut(authority[1:], "]")
		return ok && loopbackHost(host)
	}
	host, _, found := strings.Cut(authority, ":")
	if !found && !complete {
		return false // the host goes on past the constant
	}
	return loopbackHost(host)
}

// sprintfLoopbackHost reports whether v is a URL fmt.Sprintf makes with
// the host, or the host and port, as its first argument, and that
// argument is a loopback host or address:
// fmt.Sprintf("http://%s:%d/%s", "localhost", port, path), or
// fmt.Sprintf("http://%s/stats", net.JoinHostPort("localhost", p)) (from
// fresh16's Envoy Gateway shutdown manager, calling its own Envoy's admin
// API). The verb must follow "://" directly; one followed by ':' is the
// host alone and must be a constant loopback host, one followed by '/',
// '?', '#' or the end of the format is the authority, a loopback host or
// address (LocalAddr); any other character, such as the '@' of user
// information, leaves it unknown.
func sprintfLoopbackHost(v ssa.Value) bool {
	arg, next, ok := sprintfURLHost(v)
	switch {
	case !ok:
		return false
	case next == ':':
		return loopbackHostConst(arg)
	case next == 0 || next == '/' || next == '?' || next == '#':
		return loopbackHostConst(arg) || LocalAddr(arg) // "localhost" alone, or with its port
	}
	return false
}

// sprintfURLHost returns the first argument of v, a fmt.Sprintf whose
// constant format puts that argument (a %s or %v) right after "://", and
// the byte of the format that follows the verb (0 at its end); ok is
// false for any other value. The argument is the URL's host when a ':'
// follows, its authority when '/', '?', '#' or the end does.
func sprintfURLHost(v ssa.Value) (arg ssa.Value, next byte, ok bool) {
	call, isCall := v.(*ssa.Call)
	if !isCall || !isFunc(ssakit.Callee(&call.Call), "fmt", "Sprintf") || len(call.Call.Args) != 2 {
		return nil, 0, false
	}
	format, isConst := constString(call.Call.Args[0])
	if !isConst {
		return nil, 0, false
	}
	scheme, rest, found := strings.Cut(format, "://")
	if !found || strings.Contains(scheme, "%") || !(strings.HasPrefix(rest, "%s") || strings.HasPrefix(rest, "%v")) {
		return nil, 0, false
	}
	args, isVarargs := pathflow.VarargElems(call.Call.Args[1])
	if !isVarargs || len(args) == 0 {
		return nil, 0, false
	}
	if after := rest[2:]; after != "" {
		next = after[0]
	}
	return ssakit.Unconvert(args[0]), next, true
}

// LocalPeer reports whether a dial of, or a listener on, network and addr
// (either may be nil) reaches only the machine itself: a Unix socket, or
// a loopback address (LocalAddr).
func LocalPeer(network, addr ssa.Value) bool {
	if k, ok := network.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		switch constant.StringVal(k.Value) {
		case "unix", "unixpacket", "unixgram":
			return true
		}
	}
	return addr != nil && LocalAddr(addr)
}

// constPrefix returns the constant beginning of a string built by
// concatenation (a + b: a's beginning) or fmt.Sprintf (its format), and
// whether that constant is the whole string.
func constPrefix(v ssa.Value) (string, bool) {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Const:
			if x.Value == nil || x.Value.Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(x.Value), true
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return "", false
			}
			s, _ := constPrefix(x.X)
			return s, false
		case *ssa.Call:
			fn, ok := x.Call.Value.(*ssa.Function)
			if !ok || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "fmt" || fn.Name() != "Sprintf" || len(x.Call.Args) == 0 {
				return "", false
			}
			s, _ := constPrefix(x.Call.Args[0])
			if i := strings.IndexByte(s, '%'); i >= 0 {
				s = s[:i]
			}
			return s, false
		default:
			return "", false
		}
	}
	return "", false
}

func loopback(addr string) bool {
	if strings.HasPrefix(addr, "[::1]:") {
		return true
	}
	host, _, ok := strings.Cut(addr, ":")
	return ok && loopbackHost(host)
}

// loopbackHost reports whether host is localhost or a loopback IP
// address (127.0.0.0/8, ::1).
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
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

// cellUses calls uses on every load of cell, in its function and in the
// closures that capture it; false when cell is used any other way than
// loaded or assigned.
func cellUses(cell *ssa.Alloc, uses func(ssa.Value) bool) bool {
	for _, in := range *cell.Referrers() {
		if _, ok := in.(*ssa.MakeClosure); !ok && !loadOrStore(cell, in, uses) {
			return false
		}
	}
	for _, fv := range capturedAs(cell) {
		for _, in := range *fv.Referrers() {
			if !loadOrStore(fv, in, uses) {
				return false
			}
		}
	}
	return true
}

// capturedAs returns the free variables that cell becomes in the
// closures that capture it.
func capturedAs(cell *ssa.Alloc) []*ssa.FreeVar {
	var fvs []*ssa.FreeVar
	for _, in := range *cell.Referrers() {
		if mc, ok := in.(*ssa.MakeClosure); ok {
			fvs = append(fvs, ssakit.CapturedAs(mc, cell)...)
		}
	}
	return fvs
}

// loadOrStore reports whether in, a use of the variable at addr (a cell
// or a closure's free variable bound to one), assigns the variable or
// loads it for a use that uses accepts.
func loadOrStore(addr ssa.Value, in ssa.Instruction, uses func(ssa.Value) bool) bool {
	switch u := in.(type) {
	case *ssa.Store:
		return u.Addr == addr
	case *ssa.UnOp:
		return u.Op == token.MUL && uses(u)
	case *ssa.DebugRef:
		return true
	}
	return false
}

// cellStores returns the values stored into cell, in its function and
// in the closures that capture it (srv = &http.Server{...} inside a
// func literal).
func cellStores(cell *ssa.Alloc) []ssa.Value {
	var vals []ssa.Value
	stores := func(addr ssa.Value) {
		for _, in := range *addr.Referrers() {
			if st, ok := in.(*ssa.Store); ok && st.Addr == addr {
				vals = append(vals, st.Val)
			}
		}
	}
	stores(cell)
	fvs := capturedAs(cell)
	for _, fv := range fvs {
		stores(fv)
	}
	return vals
}

// onlyStore reports whether st is the only store into cell.
func onlyStore(cell *ssa.Alloc, st *ssa.Store) bool {
	vals := cellStores(cell)
	return len(vals) == 1 && vals[0] == st.Val
}

// constDebugRoute reports whether v is a constant ServeMux pattern of a
// debug or metrics route.
func constDebugRoute(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String && debugRoute(constant.StringVal(k.Value))
}

// isMethod reports whether fn is one of the named functions of pkg
// declared on recv ("" for package-level functions).
func isMethod(fn *types.Func, pkg, recv string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg || ssakit.RecvName(fn) != recv {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// cellOf returns the local variable a load reads: an *ssa.Alloc of the
// function, or one a closure captures.
func cellOf(load *ssa.UnOp) *ssa.Alloc {
	if load.Op != token.MUL {
		return nil
	}
	switch x := load.X.(type) {
	case *ssa.Alloc:
		return x
	case *ssa.FreeVar:
		cell, _ := ssakit.Binding(x).(*ssa.Alloc)
		return cell
	}
	return nil
}

// debugRoute reports whether a ServeMux pattern ("/debug/pprof/", the
// index "/debug",
// "GET /metrics", "/healthz") serves debugging, metrics or a health
// probe. A pattern with a method other than GET or HEAD takes input (a
// pushgateway's "POST /metrics/{job}"): never one. A probe is its exact
// path (/health, /health/ready, /livez), not a subtree of it (/live/, an
// HLS server's streams; /health/records/, an API), but the Kubernetes
// z-routes, whose subtrees are checks too (/healthz/etcd).
func debugRoute(pattern string) bool {
	if method, rest, ok := strings.Cut(pattern, " "); ok {
		if !readMethod(method) {
			return false
		}
		pattern = strings.TrimSpace(rest)
	}
	if i := strings.IndexByte(pattern, '/'); i > 0 {
		pattern = pattern[i:] // a host
	}
	if strings.HasPrefix(pattern, "/debug/") || pattern == "/debug" || pattern == "/metrics" || strings.HasPrefix(pattern, "/metrics/") {
		return true
	}
	// "/health/{$}" is the exact path /health/
	pattern, exact := strings.CutSuffix(pattern, "{$}")
	subtree := strings.HasSuffix(pattern, "/") && !exact
	switch elems := strings.Split(strings.Trim(pattern, "/"), "/"); len(elems) {
	case 1:
		return probeRoutes[elems[0]] && (!subtree || strings.HasSuffix(elems[0], "z"))
	case 2:
		return probeRoutes[elems[0]] && probeRoutes[elems[1]] && !subtree
	}
	return false
}

// probeRoutes are the elements of the routes of health probes: a
// Kubernetes liveness, readiness or startup probe (/healthz, /readyz,
// /livez, /readiness, /liveness, /startup) or a load balancer's health
// check (/health, /health/ready). A server all of whose routes are
// probes or metrics serves the orchestrator and the monitoring system,
// no data and no input of a user, as a metrics listener does. Whole
// elements only: /health-records is an API.
var probeRoutes = map[string]bool{
	"healthz": true, "readyz": true, "livez": true, "startupz": true,
	"health": true, "healthcheck": true, "ready": true, "readiness": true,
	"live": true, "liveness": true, "startup": true,
}

// ServerFields returns what is stored into the Addr and Handler fields
// of srv, an *http.Server allocated in the function (&http.Server{...}
// or a local variable), or nils when the server comes from elsewhere or
// a field is stored more than once. A Handler never stored, on a server
// used only by its own methods, is the constant nil: the server serves
// the DefaultServeMux.
func ServerFields(srv ssa.Value) (addr, handler ssa.Value) {
	for {
		if fv, ok := srv.(*ssa.FreeVar); ok {
			// a server made outside the closure that starts it
			if srv = closureServer(fv); srv == nil {
				return nil, nil
			}
			continue
		}
		if u, ok := srv.(*ssa.UnOp); ok && u.Op == token.MUL {
			x := u.X
			if fv, ok := x.(*ssa.FreeVar); ok {
				x = closureServer(fv)
			}
			if cell, ok := x.(*ssa.Alloc); ok {
				vals := cellStores(cell)
				if len(vals) != 1 {
					return nil, nil
				}
				srv = vals[0]
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
	referrers := *alloc.Referrers()
	init, lit := literalInit(alloc)
	if lit != nil {
		// server := http.Server{...}: the fields were stored into the
		// literal, then copied whole into the variable
		referrers = append(slices.Clip(referrers), *lit.Referrers()...)
	}
	if handedToCall(alloc) {
		return nil, nil // configure(srv) may set its Addr or Handler
	}
	for _, in := range referrers {
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
	if stores["Handler"] == 0 {
		handler = unsetHandler(alloc, init)
	}
	return addr, handler
}

// handedToCall reports whether srv, an *http.Server allocated in the
// function, is given to a call other than one of its own methods
// (srv.ListenAndServe(), srv.Shutdown(ctx)): a helper given it may set
// any field. So may code that finds it where it is stored (a variable
// of the package, a field of a struct: current = srv; a.srv = srv), a
// closure that captures it and sets a field (override := func(a
// string) { srv.Addr = a }), or anything given it as an interface.
func handedToCall(srv *ssa.Alloc) bool {
	return escapes(srv, 0)
}

func escapes(srv ssa.Value, depth int) bool {
	if depth > 3 {
		return true
	}
	for _, in := range *srv.Referrers() {
		switch u := in.(type) {
		case *ssa.Store:
			if u.Val != srv {
				continue // a store into one of its fields
			}
			addr := u.Addr
			if fv, ok := addr.(*ssa.FreeVar); ok {
				addr = ssakit.Binding(fv) // a closure setting a variable of its enclosing function
			}
			cell, ok := addr.(*ssa.Alloc)
			if !ok {
				return true // into a variable of the package, a field, a slice
			}
			// a local variable holding the server: what its loads do,
			// here and in the closures that capture it
			if !cellUses(cell, func(load ssa.Value) bool { return !escapes(load, depth+1) && !setsField(load) }) {
				return true
			}
			continue
		case *ssa.MakeClosure:
			if capturedEscapes(u, srv, depth) {
				return true
			}
			continue
		case *ssa.MakeInterface:
			return true
		}
		c, ok := in.(ssa.CallInstruction)
		if !ok {
			continue
		}
		common := c.Common()
		if !slices.Contains(common.Args, ssa.Value(srv)) {
			continue
		}
		fn := ssakit.Callee(common)
		if common.IsInvoke() || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" ||
			ssakit.RecvName(fn) != "Server" || common.Args[0] != srv || slices.Contains(common.Args[1:], srv) {
			return true
		}
	}
	return false
}

// capturedEscapes reports whether the closure mc, which captures the
// server srv, sets a field of it or hands it on.
func capturedEscapes(mc *ssa.MakeClosure, srv ssa.Value, depth int) bool {
	for _, fv := range ssakit.CapturedAs(mc, srv) {
		if escapes(fv, depth+1) || setsField(fv) {
			return true
		}
	}
	return false
}

// setsField reports whether the code stores into a field of the server
// srv is (a load of the variable holding it, or a closure's capture).
func setsField(srv ssa.Value) bool {
	for _, in := range *srv.Referrers() {
		fa, ok := in.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				return true
			}
		}
	}
	return false
}

// literalInit returns the store that gives alloc, a variable, its whole
// value from a composite literal, and the literal's own cell:
//
//	server := http.Server{Handler: mux} // t0 = local Server; t0.Handler = mux; *server = *t0
//
// or nils when alloc is not stored whole exactly once, or the literal's
// cell is used for anything but storing its fields and that one copy.
func literalInit(alloc *ssa.Alloc) (*ssa.Store, *ssa.Alloc) {
	var init *ssa.Store
	for _, in := range *alloc.Referrers() {
		if st, ok := in.(*ssa.Store); ok && st.Addr == alloc {
			if init != nil {
				return nil, nil
			}
			init = st
		}
	}
	if init == nil {
		return nil, nil
	}
	load, ok := init.Val.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, nil
	}
	lit, ok := load.X.(*ssa.Alloc)
	if !ok || lit == alloc {
		return nil, nil
	}
	for _, in := range *lit.Referrers() {
		switch u := in.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.UnOp:
			if u != load {
				return nil, nil
			}
		default:
			return nil, nil
		}
	}
	return init, lit
}

// closureServer returns the value fv, a free variable holding a server
// or the variable that holds it, is bound to, when the closure only
// loads it and calls the methods of http.Server: a closure that stores into its fields
// could change the Addr or Handler ServerFields reads, so it gives nil.
func closureServer(fv *ssa.FreeVar) ssa.Value {
	b := ssakit.Binding(fv)
	if b == nil || !onlyServerMethods(fv, 0) {
		return nil
	}
	return b
}

// onlyServerMethods reports whether v, a closure's free variable holding
// a server or the variable that holds it, is only loaded and given to
// the methods of http.Server as their receiver.
func onlyServerMethods(v ssa.Value, depth int) bool {
	for _, in := range *v.Referrers() {
		switch u := in.(type) {
		case *ssa.Call:
			fn := ssakit.Callee(&u.Call)
			if u.Call.IsInvoke() || u.Call.Value == v || fn == nil || fn.Pkg() == nil ||
				fn.Pkg().Path() != "net/http" || ssakit.RecvName(fn) != "Server" ||
				slices.Contains(u.Call.Args[1:], v) {
				return false
			}
		case *ssa.UnOp:
			if depth > 0 || u.Op != token.MUL || !onlyServerMethods(u, depth+1) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// unsetHandler returns the constant nil of the Handler field's type when
// alloc, an http.Server whose Handler is never stored, is used only by
// its fields, its own methods and init, the copy of its literal, and a
// variable that holds it for its methods only, also in closures (run :=
// func() error { return s.ListenAndServe() }) (not handed to code that
// could set the handler), or nil.
func unsetHandler(alloc *ssa.Alloc, init *ssa.Store) ssa.Value {
	ptr, ok := alloc.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "net/http" || n.Obj().Name() != "Server" {
		return nil
	}
	for _, in := range *alloc.Referrers() {
		switch u := in.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.Store:
			if u != init && !serverVariable(alloc, u) {
				return nil
			}
		case *ssa.Call, *ssa.Go, *ssa.Defer:
			c := u.(ssa.CallInstruction).Common()
			if c.Value == alloc || !isMethod(ssakit.Callee(c), "net/http", "Server",
				"ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS", "Shutdown", "Close") ||
				len(c.Args) == 0 || c.Args[0] != alloc || slices.Contains(c.Args[1:], ssa.Value(alloc)) {
				return nil
			}
		default:
			return nil
		}
	}
	s := n.Underlying().(*types.Struct)
	for i := range s.NumFields() {
		if f := s.Field(i); f.Name() == "Handler" {
			return ssa.NewConst(nil, f.Type())
		}
	}
	return nil
}

// serverVariable reports whether st stores the server srv into a local
// variable that holds nothing else and whose every load, in the function
// and in the closures that capture it, is only given to the methods of
// http.Server as their receiver.
func serverVariable(srv ssa.Value, st *ssa.Store) bool {
	cell, ok := st.Addr.(*ssa.Alloc)
	return ok && st.Val == srv && onlyStore(cell, st) &&
		cellUses(cell, func(load ssa.Value) bool { return onlyServerMethods(load, 1) })
}

// isDefaultMux reports whether v is a load of http.DefaultServeMux.
func isDefaultMux(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultServeMux"
}

// everyStored reports whether the variable x loads has at least one
// store and every value stored into it, here or by a closure (reopen :=
// func(a string) { ln, err = net.Listen("tcp", a) }), satisfies ok. A
// variable whose address is handed on (public(&ln)) may hold anything.
func everyStored(x *ssa.UnOp, ok func(ssa.Value) bool) bool {
	cell := cellOf(x)
	if cell == nil {
		return false
	}
	// only loads and its own stores, here and in closures (cellUses)
	if !cellUses(cell, func(ssa.Value) bool { return true }) {
		return false
	}
	vals := cellStores(cell)
	for _, v := range vals {
		if !ok(v) {
			return false
		}
	}
	return len(vals) > 0
}
