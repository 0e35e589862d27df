package relevance

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// A Summary is what the server judge knows of one function of the
// analyzed code: a check stores it in its facts for other packages.
type Summary struct {
	// LocalResults are results that are listeners no stranger reaches
	// (a loopback address, a Unix socket, an in-memory listener).
	LocalResults []int
	// MemAccept is set on an Accept method that hands out only
	// connections made in memory: received from a channel or made by
	// net.Pipe, in a package whose non-test code accepts from no
	// network listener and whose exported functions and methods send
	// on no channel a connection their caller gives.
	MemAccept bool
	// DebugParams are *http.ServeMux (or gorilla/mux *Router) parameters
	// on which the function
	// registers only debug, profiling or metrics handlers, or nothing:
	// it adds debug routes, or only serves or looks up what its caller
	// registered (a helper that starts a server with the mux it is given).
	DebugParams []int
	// DebugResults are results that are handlers serving only debug,
	// profiling or metrics endpoints.
	DebugResults []int
	// HostParams holds the parameter the function joins as the host of
	// the address it returns (hostParam): JoinHostPort("localhost", port)
	// of such a helper is a loopback address.
	HostParams []int
	// AcceptFields holds, on an Accept method of a struct type, the
	// field of its receiver it accepts from (acceptsFrom): a value of the
	// type is the listener that field holds.
	AcceptFields []int
}

// Empty reports whether the summary says nothing.
func (s *Summary) Empty() bool {
	return s == nil || len(s.LocalResults) == 0 && !s.MemAccept && len(s.DebugParams) == 0 && len(s.DebugResults) == 0 &&
		len(s.HostParams) == 0 && len(s.AcceptFields) == 0
}

// Equal reports whether two summaries say the same.
func (s *Summary) Equal(t *Summary) bool {
	if s.Empty() || t.Empty() {
		return s.Empty() == t.Empty()
	}
	return slices.Equal(s.LocalResults, t.LocalResults) && s.MemAccept == t.MemAccept &&
		slices.Equal(s.DebugParams, t.DebugParams) && slices.Equal(s.DebugResults, t.DebugResults) &&
		slices.Equal(s.HostParams, t.HostParams) && slices.Equal(s.AcceptFields, t.AcceptFields)
}

// Strings describes the summary, one phrase per property.
func (s *Summary) Strings() []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, i := range s.LocalResults {
		out = append(out, "returns a listener no stranger reaches (result "+itoa(i)+")")
	}
	if s.MemAccept {
		out = append(out, "accepts only connections made in memory")
	}
	for _, i := range s.DebugParams {
		out = append(out, "registers only debug handlers on parameter "+itoa(i))
	}
	for _, i := range s.DebugResults {
		out = append(out, "returns a handler that serves only debugging (result "+itoa(i)+")")
	}
	for _, i := range s.HostParams {
		out = append(out, "returns an address whose host is parameter "+itoa(i))
	}
	for _, i := range s.AcceptFields {
		out = append(out, "accepts from field "+itoa(i)+" of its receiver")
	}
	return out
}

func itoa(i int) string { return constant.MakeInt64(int64(i)).String() }

// A MuxUse says what a package and the packages it imports register on
// http.DefaultServeMux.
type MuxUse uint8

const (
	// MuxDebug: net/http/pprof or expvar is imported, or a handler of
	// pprof, expvar or promhttp is registered, or a debug helper is
	// given the DefaultServeMux.
	MuxDebug MuxUse = 1 << iota
	// MuxOther: another route is registered, or the DefaultServeMux is
	// handed to code that may register any route.
	MuxOther
)

func (m MuxUse) String() string {
	var parts []string
	if m&MuxDebug != 0 {
		parts = append(parts, "registers debug handlers on http.DefaultServeMux")
	}
	if m&MuxOther != 0 {
		parts = append(parts, "registers other handlers on http.DefaultServeMux")
	}
	return strings.Join(parts, "; ")
}

// FlagUse is what a package of the program, and those of its imports in
// the same module, do to command-line flags other than parse the command
// line: the flags they set by constant name (flag.Set("addr", v)), and
// whether they may set any (a name that is not a constant, a Value set
// after VisitAll, os.Args rewritten). A flag so set may no longer hold
// its default when the program reads it.
type FlagUse struct {
	Any   bool
	Names []string // sorted
}

// Empty reports whether u says nothing.
func (u FlagUse) Empty() bool { return !u.Any && len(u.Names) == 0 }

// Equal reports whether u and v say the same.
func (u FlagUse) Equal(v FlagUse) bool { return u.Any == v.Any && slices.Equal(u.Names, v.Names) }

func (u FlagUse) String() string {
	switch {
	case u.Any:
		return "may set any command-line flag"
	case len(u.Names) > 0:
		return "sets command-line flags " + strings.Join(u.Names, ", ")
	}
	return ""
}

// Known is what a check's facts say of the functions and packages of
// other packages of the analyzed code.
type Known interface {
	// PackageFlags returns what pkg and its imports of the same module
	// do to command-line flags (FlagUse).
	PackageFlags(pkg *types.Package) FlagUse
	// FuncSummary returns the summary of fn, a function of another
	// package, or nil.
	FuncSummary(fn *types.Func) *Summary
	// PackageMux returns what pkg and its imports register on the
	// DefaultServeMux.
	PackageMux(pkg *types.Package) MuxUse
}

// Servers judges the servers of one package.
type Servers struct {
	pkg    *types.Package
	known  Known
	funcs  map[*types.Func]*ssa.Function
	memo   map[*ssa.Function]*Summary
	fields map[fieldKey]int8 // 1: loads of the field get only debug routes, 2: and at least one; -1 no; 0 in progress
	// lfields: 1 every store into the field is a listener no stranger
	// reaches; -1 not; 0 in progress
	lfields map[fieldKey]int8
	// hosts: the parameter a function of the package joins as the host
	// of the address it returns, or -1 (hostParam)
	hosts map[*ssa.Function]int
	// phiHosts: the same for a φ of addresses in such a function (-1
	// while it is being judged: a loop)
	phiHosts map[*ssa.Phi]int
	// onMake: whether the package sets a field only on values it has just
	// made (setOnMake); wholeStores: how many stores of a whole struct
	// value go through an address that is no fresh allocation
	onMake      map[fieldKey]bool
	wholeStores map[*types.Struct]int
	// stores are the values the package stores into its variables;
	// flagged the variables whose address is given to a flag.
	stores  map[*ssa.Global][]ssa.Value
	flagged map[ssa.Value][]*ssa.Call
	// flagDefs are the package's string flag definitions, by their
	// constant name.
	flagDefs map[string][]*ssa.Call
	// setByName are the flags the package sets by name (flag.Set("addr",
	// v), Lookup("addr").Value.Set(v)); setAny is set when it sets one
	// whose name is not a constant. A default such a flag had is no
	// longer the address.
	setByName map[string]bool
	setAny    bool
	addrs     map[*ssa.Global]int // other uses of a variable's address
	// written: the variables holding a pointer that the package stores
	// through or hands on (*addr = v, addr a package-level flag.String)
	written map[*ssa.Global]bool
	// pointerLoads are the loads of variables holding a *string, which
	// markWritten judges once every function is scanned
	pointerLoads []*ssa.UnOp
	// flagArgs are the names of the constant command-line arguments the
	// package writes ("-addr=0.0.0.0:8080": flagArgName)
	flagArgs []string
	// gfields are the addresses of the fields of the package's struct
	// variables, by variable and field.
	gfields map[globalField][]*ssa.FieldAddr
	nfields map[*ssa.Global]int // how many of addrs are field addresses
	fieldUs map[fieldKey][]*ssa.FieldAddr
	// relays is set when the package's non-test code accepts
	// connections from a listener of the network, or sends on a channel
	// a connection its caller gives, in a function or method other
	// packages call: a channel it feeds may carry the network's
	// connections.
	relays bool
	// fedFields are the channel fields such a function sends on: an
	// Accept that receives from one may hand out the network's
	// connections.
	fedFields map[fieldKey]bool
	// testCode reports whether an instruction is written in a _test.go
	// file (nil: none is).
	testCode func(ssa.Instruction) bool
	// mux is what the package and its imports register on the
	// DefaultServeMux.
	mux MuxUse
	// callers indexes the call sites of the package's functions (nil:
	// none is known), for servers whose address, listener or handler a
	// function's callers pass.
	callers *ssakit.Callers
}

type fieldKey struct {
	st    *types.Struct
	field int
}

type globalField struct {
	g     *ssa.Global
	field int
}

// NewServers returns the judge of the servers of the package of pass,
// whose functions are funcs; known answers for other packages (it may
// be nil); testCode (it may be nil) tells the instructions written in
// _test.go files (ssabuild.(*SSA).TestCode). A test that accepts from a
// network listener and hands the connections to the package's
// in-memory listener does not make the package a relay: the program
// built from it has no test files (docs/design.md, "Test files do not
// change production findings"). callers (it may be nil) indexes the
// call sites of funcs (ssabuild.(*SSA).Callers).
func NewServers(pass *analysis.Pass, funcs []*ssa.Function, known Known, testCode func(ssa.Instruction) bool, callers *ssakit.Callers) *Servers {
	s := &Servers{
		pkg:         pass.Pkg,
		known:       known,
		testCode:    testCode,
		callers:     callers,
		funcs:       make(map[*types.Func]*ssa.Function),
		memo:        make(map[*ssa.Function]*Summary),
		fields:      make(map[fieldKey]int8),
		lfields:     make(map[fieldKey]int8),
		hosts:       make(map[*ssa.Function]int),
		phiHosts:    make(map[*ssa.Phi]int),
		onMake:      make(map[fieldKey]bool),
		wholeStores: make(map[*types.Struct]int),
		stores:      make(map[*ssa.Global][]ssa.Value),
		flagged:     make(map[ssa.Value][]*ssa.Call),
		flagDefs:    make(map[string][]*ssa.Call),
		setByName:   make(map[string]bool),
		addrs:       make(map[*ssa.Global]int),
		written:     make(map[*ssa.Global]bool),
		fedFields:   make(map[fieldKey]bool),
		fieldUs:     make(map[fieldKey][]*ssa.FieldAddr),
		gfields:     make(map[globalField][]*ssa.FieldAddr),
		nfields:     make(map[*ssa.Global]int),
	}
	for _, fn := range funcs {
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			s.funcs[obj] = fn
		}
		s.scan(fn)
	}
	s.markWritten()
	// an argument the program writes itself, for a flag it defines
	// (args = append([]string{"-addr=0.0.0.0:8080"}, args...) before
	// Parse), sets that flag as flag.Set would
	for _, name := range s.flagArgs {
		if len(s.flagDefs[name]) > 0 {
			s.setByName[name] = true
		}
	}
	imported := ImportedFlags(pass, known)
	s.setAny = s.setAny || imported.Any
	for _, name := range imported.Names {
		s.setByName[name] = true
	}
	s.mux = ImportedMux(pass, known) | s.ownMux(funcs)
	return s
}

// scan records what fn does with the package's variables, fields and
// listeners.
func (s *Servers) scan(fn *ssa.Function) {
	var buf []*ssa.Value
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Store:
				if g, ok := x.Addr.(*ssa.Global); ok {
					s.stores[g] = append(s.stores[g], x.Val)
					if isOSArgs(g) && s.production(x) {
						s.setAny = true // os.Args = append(..., "-addr=:"+port): the program writes its command line
					}
				}

				if st, ok := x.Val.Type().Underlying().(*types.Struct); ok {
					if _, made := x.Addr.(*ssa.Alloc); !made {
						s.wholeStores[st]++
					}
				}
			case *ssa.UnOp:
				if _, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL && stringPointer(x.Type()) {
					s.pointerLoads = append(s.pointerLoads, x) // judged once every function is scanned (markWritten)
				}
			case *ssa.FieldAddr:
				if k, ok := fieldOf(x); ok {
					s.fieldUs[k] = append(s.fieldUs[k], x)
				}
				if g, ok := x.X.(*ssa.Global); ok {
					k := globalField{g, x.Field}
					s.gfields[k] = append(s.gfields[k], x)
					s.nfields[g]++
				}
			case *ssa.Defer, *ssa.Go:
				s.noteFlagSet(fn, x.(ssa.CallInstruction)) // defer flag.Set("addr", v)
			case *ssa.Call:
				if d, p := stringFlag(&x.Call); d >= 0 {
					if p >= 0 {
						s.flagged[x.Call.Args[p]] = append(s.flagged[x.Call.Args[p]], x)
					}
					if name, ok := flagName(&x.Call); ok && s.production(x) {
						s.flagDefs[name] = append(s.flagDefs[name], x)
					}
				}
				s.noteFlagSet(fn, x)
				if networkAccept(&x.Call) && s.production(x) {
					s.relays = true
				}
			case *ssa.Send:
				// Push(c net.Conn) { l.conns <- c }: another package may
				// hand it the network's connections
				s.noteSend(fn, x.Chan, x.X, x)
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.SendOnly {
						s.noteSend(fn, st.Chan, st.Send, x)
					}
				}
			}
			buf = in.Operands(buf[:0])
			for i, op := range buf {
				if k, ok := (*op).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && s.production(in) {
					if name, ok := flagArgName(constant.StringVal(k.Value)); ok {
						s.flagArgs = append(s.flagArgs, name) // judged once the flags are known (NewServers)
					}
				}
				if f, ok := (*op).(*ssa.Function); ok && flagSetFunc(f) {
					if c, isCall := in.(ssa.CallInstruction); !isCall || i != 0 || c.Common().Value != f {
						s.setAny = true // var setFlag = flag.Set: a flag set by a call the scan cannot read
					}
				}
				if g, ok := (*op).(*ssa.Global); ok {
					if _, isStore := in.(*ssa.Store); isStore && in.(*ssa.Store).Addr == g {
						continue
					}
					if u, isLoad := in.(*ssa.UnOp); isLoad && u.Op == token.MUL {
						continue
					}
					s.addrs[g]++
				}
			}
		}
	}
}

// production reports whether in is written outside _test.go files.
func (s *Servers) production(in ssa.Instruction) bool {
	return s.testCode == nil || !s.testCode(in)
}

// noteFlagSet records the flag that call, in fn, sets by name
// (flagSetByName), or that it may set any, unless it is a wrapper
// Value's Set passing the command line on (forwardsValue) or test code.
func (s *Servers) noteFlagSet(fn *ssa.Function, call ssa.CallInstruction) {
	name, set := flagSetByName(call.Common())
	if !set || forwardsValue(fn, call.Common()) || !s.production(call) {
		return
	}
	if name == "" {
		s.setAny = true
	} else {
		s.setByName[name] = true
	}
}

// markWritten sets written for the variables some load of which is
// stored through or handed on, until no more are found: a store through
// a variable depends on whether another variable it was copied into is
// written (current = listenAddr; *current = v), which a function scanned
// later may say, so the answer does not depend on the order of the
// package's functions.
func (s *Servers) markWritten() {
	for changed := true; changed; {
		changed = false
		for _, x := range s.pointerLoads {
			g := x.X.(*ssa.Global)
			if !s.written[g] && s.storedThrough(x, false, 0) {
				s.written[g] = true // **g = v, or *g handed on
				changed = true
			}
		}
	}
}

// flagArgName returns the flag a constant command-line argument names:
// "-addr=0.0.0.0:8080", "--addr=…", or "-addr" alone (its value the next
// argument).
func flagArgName(arg string) (string, bool) {
	rest, ok := strings.CutPrefix(arg, "-")
	if !ok {
		return "", false
	}
	rest = strings.TrimPrefix(rest, "-")
	name, _, _ := strings.Cut(rest, "=")
	if name == "" || strings.ContainsAny(name, " \t") {
		return "", false
	}
	return name, true
}

// isOSArgs reports whether g is os.Args.
func isOSArgs(g *ssa.Global) bool {
	return g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && g.Name() == "Args"
}

// flagSetFunc reports whether f is flag.Set or the Set method of a
// FlagSet (of flag or pflag).
func flagSetFunc(f *ssa.Function) bool {
	obj, ok := f.Object().(*types.Func)
	if !ok || obj.Name() != "Set" || obj.Pkg() == nil || !flagPackage(obj.Pkg().Path()) {
		return false
	}
	r := ssakit.RecvName(obj)
	return r == "" || r == "FlagSet"
}

// stringPointer reports whether t is *string, as flag.String's result.
func stringPointer(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	b, ok := p.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// connType reports whether t is a connection: net.Conn, or a type with
// its Read, Write and RemoteAddr methods.
func connType(t types.Type) bool {
	return hasMethod(t, "RemoteAddr") && hasMethod(t, "Read") && hasMethod(t, "Write")
}

// givenConn reports whether v, a connection, is one the function's
// caller gives: a parameter, a variable a closure captures (go func() {
// l.conns <- c }()), or a struct made around one (&peeked{Conn: c}).
func givenConn(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	depth++
	switch x := ssakit.Unconvert(v).(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		if _, ok := x.X.(*ssa.FreeVar); ok {
			return true
		}
		return everyStored(x, func(v ssa.Value) bool { return givenConn(v, depth) })
	case *ssa.Alloc:
		return madeAround(x, func(v ssa.Value) bool { return givenConn(v, depth) })
	}
	return false
}

// fedFromOutside reports whether v, a connection fn sends on a channel,
// may be one another package gives: a connection fn's caller gives
// (givenConn) where fn is an entry other packages call (exportedEntry)
// or a function whose value escapes; or, for a helper called only at
// its sites (func (l *L) push(c net.Conn)), what some site outside the
// _test.go files passes for the connection's parameter, asked the same
// way of the caller. A helper that only ever sends a pipe's end its
// caller made is fed in memory. A method of an unexported type is no
// entry even when an interface may reach it (a connListener's
// HandleConn that the process's own network stack calls): such a Push
// is not seen.
func (s *Servers) fedFromOutside(fn *ssa.Function, v ssa.Value, depth int) bool {
	if !givenConn(v, 0) || depth > 3 {
		return false
	}
	top := fn
	for top.Parent() != nil {
		top = top.Parent()
	}
	if exportedEntry(top) {
		return true
	}
	if s.callers == nil {
		return false
	}
	sites, complete := s.callers.Sites(top)
	if !complete {
		return true // its value escapes: anyone may call it
	}
	p, ok := ssakit.Unconvert(v).(*ssa.Parameter)
	if !ok || fn != top {
		return false
	}
	i := ssakit.ParamIndex(top, p)
	for _, site := range sites {
		if s.testCode != nil && s.testCode(site) {
			continue
		}
		args := site.Common().Args
		if i >= 0 && i < len(args) && s.fedFromOutside(site.Parent(), args[i], depth+1) {
			return true
		}
	}
	return false
}

// exportedEntry reports whether another package can call fn, or the
// function a closure fn is written in: an exported function, or an
// exported method of an exported type.
func exportedEntry(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Exported() && (fn.Signature.Recv() == nil || token.IsExported(ssakit.RecvName(obj)))
}

func fieldOf(fa *ssa.FieldAddr) (fieldKey, bool) {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return fieldKey{}, false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	return fieldKey{st, fa.Field}, ok
}

// networkAccept reports whether call accepts a connection from a
// listener that may be a network's: net.Listener's Accept, or a TCP
// listener's.
func networkAccept(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		m := call.Method
		return m.Name() == "Accept" && m.Pkg() != nil && m.Pkg().Path() == "net"
	}
	return isMethod(ssakit.Callee(call), "net", "TCPListener", "Accept", "AcceptTCP")
}

// debugRegistrars are functions of libraries (whose bodies are not
// summarized: driver.SkipLibraries) that register only debugging pages
// on the mux given as the listed parameters: statsviz, "visualise Go
// program runtime metrics in real time in your browser", registers its
// pages and their websocket under its root (/debug/statsviz/ by
// default).
var debugRegistrars = map[string][]int{
	"github.com/arl/statsviz.Register": {0},
}

// Summary returns the summary of fn, a function of this package or,
// through Known, of another.
func (s *Servers) Summary(fn *types.Func) *Summary {
	if fn == nil {
		return nil
	}
	if fn.Pkg() != s.pkg {
		if fn.Pkg() != nil {
			if params, ok := debugRegistrars[fn.Pkg().Path()+"."+fn.Name()]; ok && ssakit.RecvName(fn) == "" {
				return &Summary{DebugParams: params}
			}
		}
		if s.known == nil || fn.Pkg() == nil {
			return nil
		}
		return s.known.FuncSummary(fn)
	}
	if f := s.funcs[fn]; f != nil {
		return s.FuncSummary(f)
	}
	return nil
}

// FuncSummary returns the summary of fn, a function of this package.
// A function whose summary is being computed (recursion) has none.
func (s *Servers) FuncSummary(fn *ssa.Function) *Summary {
	if sum, ok := s.memo[fn]; ok {
		return sum
	}
	s.memo[fn] = nil
	sum := &Summary{}
	rets := ssakit.Returns(fn)
	if sig := fn.Signature; sig.Recv() != nil && fn.Name() == "Accept" && sig.Results().Len() == 2 &&
		len(rets) > 0 && !s.relays {
		sum.MemAccept = everyResult(rets, 0, func(v ssa.Value) bool { return s.memConn(v, 0) })
	}
	for i := range fn.Signature.Results().Len() {
		t := fn.Signature.Results().At(i).Type()
		if hasMethod(t, "Accept") && !s.exportedWrapped(t) && everyResult(rets, i, func(v ssa.Value) bool { return s.localListener(v, 0) }) {
			sum.LocalResults = append(sum.LocalResults, i)
		}
		if hasMethod(t, "ServeHTTP") && everyResult(rets, i, func(v ssa.Value) bool { return s.debugHandler(v, 0, true) }) {
			sum.DebugResults = append(sum.DebugResults, i)
		}
	}
	if i := s.hostParam(fn, 0); i >= 0 {
		sum.HostParams = []int{i}
	}
	if sig := fn.Signature; sig.Recv() != nil && fn.Name() == "Accept" && len(fn.Params) > 0 {
		if f, ok := acceptsFrom(fn); ok && s.setOnMake(sig.Recv().Type(), f) && isWrapperType(sig.Recv().Type()) {
			sum.AcceptFields = []int{f}
		}
	}
	for i, p := range fn.Params {
		if isServeMux(p.Type()) || isGorillaRouter(p.Type()) {
			if ok, _ := s.muxUses(p, false); ok {
				sum.DebugParams = append(sum.DebugParams, i)
			}
		}
	}
	if sum.Empty() {
		sum = nil
	}
	s.memo[fn] = sum
	return sum
}

// everyResult reports whether result i of at least one return is not
// nil, and ok holds for every one that is not.
func everyResult(rets []*ssa.Return, i int, ok func(ssa.Value) bool) bool {
	seen := false
	for _, ret := range rets {
		if i >= len(ret.Results) {
			return false
		}
		v := ret.Results[i]
		if ssakit.IsNil(v) {
			continue
		}
		if !ok(v) {
			return false
		}
		seen = true
	}
	return seen
}

// memConn reports whether v, a connection an Accept method returns, is
// made in memory: received from a channel (also in a select) that no
// exported function of the package feeds with its caller's connections
// (fedFrom), or an end of net.Pipe.
func (s *Servers) memConn(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	depth++
	switch x := ssakit.Unconvert(v).(type) {
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !ssakit.IsNil(e) && !s.memConn(e, depth) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return !s.fedFrom(x.X)
		}
		return everyStored(x, func(v ssa.Value) bool { return s.memConn(v, depth) })
	case *ssa.Extract:
		switch t := x.Tuple.(type) {
		case *ssa.UnOp:
			return t.Op == token.ARROW && x.Index == 0 && !s.fedFrom(t.X)
		case *ssa.Select:
			// the received values of the select's receive cases follow
			// its index and ok results, in the order of its states
			n := 2
			for _, st := range t.States {
				if st.Dir != types.RecvOnly {
					continue
				}
				if n == x.Index {
					return !s.fedFrom(st.Chan)
				}
				n++
			}
			return false
		case *ssa.Call:
			return isMethod(ssakit.Callee(&t.Call), "net", "", "Pipe")
		}
	}
	return false
}

// fedFrom reports whether ch, a channel an Accept receives from, may
// carry connections another package gives: it is loaded from a field
// that an exported function sends its caller's connections on
// (Servers.fedFields).
func (s *Servers) fedFrom(ch ssa.Value) bool {
	k, ok := loadedField(ch)
	return ok && s.fedFields[k]
}

// loadedField returns the field v is loaded from (*&x.f), if it is one.
func loadedField(v ssa.Value) (fieldKey, bool) {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if fa, ok := load.X.(*ssa.FieldAddr); ok {
			return fieldOf(fa)
		}
	}
	return fieldKey{}, false
}

// noteSend records a send of v on ch in fn (a send statement, or a send
// case of a select): a connection fn's caller gives, sent in a function
// other packages call, may be the network's. On a channel kept in a
// field, the field is fed (fedFrom); on any other channel, the package
// is a relay.
func (s *Servers) noteSend(fn *ssa.Function, ch, v ssa.Value, in ssa.Instruction) {
	if !connType(v.Type()) || s.testCode != nil && s.testCode(in) || !s.fedFromOutside(fn, v, 0) {
		return
	}
	if k, ok := loadedField(ch); ok {
		s.fedFields[k] = true
		return
	}
	s.relays = true
}

// LocalAddr reports whether v, the address of a server, can only be
// reached from the machine itself: a loopback literal, or the value of
// a command-line flag whose default is one (the program listens on
// loopback unless its operator says otherwise), or the address a helper
// of the package joins from a loopback host (joinsLoopback).
func (s *Servers) LocalAddr(v ssa.Value) bool {
	return LocalAddr(v) || s.flagDefault(v, 0) || s.joinsLoopback(v)
}

// LocalURL reports whether v, the URL of a request, reaches only the
// machine itself: a loopback literal (LocalURL), or the value of a field
// that only such literals set, or a URL whose host is a flag looked up by
// name with a loopback default (flagHostURL). The field must be an
// unexported field of a struct type of this package (no other package
// can set it), set by the package's non-test code at least once and only
// by stores of such literals (a composite literal is such a store), its
// address used for nothing but loads and those stores: var cfg =
// config{statusURL: "http://127.0.0.1:9090/status"} and then
// http.NewRequest("GET", cfg.statusURL, nil). A test file that points
// the field at a test server does not count: the program built from the
// package has no test files.
func (s *Servers) LocalURL(v ssa.Value) bool { return s.localURL(v, 0) }

func (s *Servers) localURL(v ssa.Value, depth int) bool {
	if LocalURL(v) || s.flagHostURL(v, depth) || s.flagURL(v) {
		return true
	}
	if phi, ok := v.(*ssa.Phi); ok && depth < 3 {
		// one of two URLs of the same daemon, chosen on a branch
		return !slices.ContainsFunc(phi.Edges, func(e ssa.Value) bool { return !s.localURL(e, depth+1) })
	}
	var k fieldKey
	switch x := v.(type) {
	case *ssa.UnOp: // *&x.f
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok || x.Op != token.MUL {
			return false
		}
		if k, ok = fieldOf(fa); !ok {
			return false
		}
	case *ssa.Field: // x.f of a struct value
		st, ok := x.X.Type().Underlying().(*types.Struct)
		if !ok {
			return false
		}
		k = fieldKey{st, x.Field}
	default:
		return false
	}
	return s.localURLField(k)
}

// localURLField reports whether every store into field k is a literal
// of LocalURL, as (*Servers).LocalURL says.
func (s *Servers) localURLField(k fieldKey) bool {
	if k.field >= k.st.NumFields() {
		return false
	}
	f := k.st.Field(k.field)
	if f.Exported() || f.Pkg() != s.pkg {
		return false
	}
	set := false
	for _, fa := range s.fieldUs[k] {
		for _, in := range *fa.Referrers() {
			switch u := in.(type) {
			case *ssa.UnOp:
				if u.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.Store:
				if s.testCode != nil && s.testCode(u) {
					continue
				}
				if u.Addr != fa || !LocalURL(u.Val) {
					return false
				}
				set = true
			default:
				return false
			}
		}
	}
	return set
}

// flagDefault reports whether v is read from a string flag whose
// default is a loopback address: *flag.String(...) (also through a
// variable holding the pointer), or a variable given to flag.StringVar
// (the flag package, a FlagSet, or pflag's) and stored nowhere else, or
// such a field of an unexported struct variable of the package (var
// args struct{ listen string }; fs.StringVar(&args.listen, ...)), or a
// lookup of the flag by name (namedFlagDefaults).
func (s *Servers) flagDefault(v ssa.Value, depth int) bool {
	return s.flagDefaultIs(v, depth, LocalAddr)
}

// flagDefaultIs reports whether v is read from a string flag, as
// flagDefault says, whose every default satisfies local: a loopback
// address for a listener's or a dial's address, a loopback host for the
// host of a URL (flagHostURL).
func (s *Servers) flagDefaultIs(v ssa.Value, depth int, local func(ssa.Value) bool) bool {
	if depth > 4 {
		return false
	}
	depth++
	if defs, ok := s.namedFlagDefaults(v); ok {
		return !slices.ContainsFunc(defs, func(d ssa.Value) bool { return !local(d) })
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	ptr := load.X
	if fv, ok := ptr.(*ssa.FreeVar); ok {
		ptr = ssakit.Binding(fv)
	}
	switch p := ptr.(type) {
	case *ssa.Call:
		if d, ptr := stringFlag(&p.Call); d >= 0 && ptr < 0 && !s.storedThrough(p, false, 0) {
			return s.defaultIs(p, local)
		}
	case *ssa.UnOp: // a variable that holds the pointer
		if g, ok := p.X.(*ssa.Global); ok && p.Op == token.MUL {
			if exportedGlobal(g) {
				return false // var Host = flag.String(...): another package may write *Host
			}
			vals := s.stores[g]
			return len(vals) == 1 && s.addrs[g] == 0 && !s.written[g] && s.flagDefaultIs(&ssa.UnOp{Op: token.MUL, X: vals[0]}, depth, local)
		}
		if cell := cellOf(p); cell == nil || s.storedThrough(cell, true, 0) {
			return false
		}
		return everyStored(p, func(v ssa.Value) bool { return s.flagDefaultIs(&ssa.UnOp{Op: token.MUL, X: v}, depth, local) })
	case *ssa.Global:
		// var addr string; flag.StringVar(&addr, ...), unexported: another
		// package may set an exported one
		return !exportedGlobal(p) && s.flaggedOnly(p, len(s.stores[p]), s.addrs[p], local)
	case *ssa.FieldAddr:
		return s.flaggedField(p, local)
	case *ssa.Alloc:
		stores, other := 0, 0
		for _, in := range *p.Referrers() {
			switch u := in.(type) {
			case *ssa.Store:
				// only the declaration's zero (var addr string, stored
				// before anything else uses the variable) is no
				// setting: addr = "" later listens on every interface
				if u.Addr == p && !(isZero(u.Val) && declZero(p, u)) {
					stores++
				}
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				other++
			}
		}
		return s.flaggedOnly(p, stores, other, local)
	}
	return false
}

// declZero reports whether st, a store into the local variable cell, is
// the first use of cell in its block, the block where cell is made: the
// zero value a declaration (var addr string) gives the variable before
// anything reads or passes it.
func declZero(cell *ssa.Alloc, st *ssa.Store) bool {
	if st.Block() != cell.Block() {
		return false
	}
	for _, in := range cell.Block().Instrs {
		if in == ssa.Instruction(st) {
			return true
		}
		for _, op := range in.Operands(nil) {
			if *op == ssa.Value(cell) {
				return false
			}
		}
	}
	return false
}

// exportedGlobal reports whether g is an exported package-level
// variable, which other packages may set (in a main package too, as the
// rule for fields has it: a program's exported names say "set me").
func exportedGlobal(g *ssa.Global) bool {
	return g.Object() == nil || g.Object().Exported()
}

// storedThrough reports whether the code may store through the pointer
// to a flag's value (flag.String's result) that v is, or, with cell,
// that the local variable v holds: a store through it (*addr = ":" +
// os.Getenv("PORT") after flag.Parse), the pointer handed to a call or
// kept where it is written through, the variable set in a closure or
// its address taken; here or in a closure that captures it. Loads of
// the pointer read the flag.
func (s *Servers) storedThrough(v ssa.Value, cell bool, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 4 {
		return true
	}
	for _, in := range *refs {
		switch u := in.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			switch {
			case u.Op != token.MUL:
				return true
			case cell && s.storedThrough(u, false, depth+1):
				return true
			}
		case *ssa.Store:
			if u.Addr == v {
				if _, free := v.(*ssa.FreeVar); !cell || free {
					return true // *p = x, or the variable set in a closure
				}
				continue // the variable's own stores: everyStored judges them
			}
			if cell {
				return true // the variable's address kept
			}
			switch addr := u.Addr.(type) {
			case *ssa.Alloc:
				if s.storedThrough(addr, true, depth+1) {
					return true
				}
			case *ssa.Global:
				if s.written[addr] || s.addrs[addr] > 0 {
					return true
				}
			default:
				return true
			}
		case *ssa.MakeClosure:
			for _, fv := range ssakit.CapturedAs(u, v) {
				if s.storedThrough(fv, cell, depth+1) {
					return true
				}
			}
		default:
			return true // handed to a call, converted, compared
		}
	}
	return false
}

// flaggedOnly reports whether the variable ptr is given to one string
// flag whose default is a loopback address, and its address to nothing
// else (other counts the other uses of the address, stores the stores).
func (s *Servers) flaggedOnly(ptr ssa.Value, stores, other int, local func(ssa.Value) bool) bool {
	calls := s.flagged[ptr]
	if len(calls) != 1 || stores != 0 || other != len(calls) {
		return false
	}
	return s.defaultIs(calls[0], local)
}

// flaggedField reports whether fa is the address of a field of an
// unexported struct variable of the package that one string flag with a
// loopback default binds, the variable being stored nowhere as a whole,
// its address used only for its fields, and the field only loaded
// elsewhere: nothing but the flag sets it.
func (s *Servers) flaggedField(fa *ssa.FieldAddr, local func(ssa.Value) bool) bool {
	g, ok := fa.X.(*ssa.Global)
	if !ok || exportedGlobal(g) || len(s.stores[g]) != 0 || s.addrs[g] != s.nfields[g] {
		return false
	}
	var flag *ssa.Call
	for _, a := range s.gfields[globalField{g, fa.Field}] {
		for _, in := range *a.Referrers() {
			switch u := in.(type) {
			case *ssa.UnOp:
				if u.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.Call:
				if flag != nil || !slices.Contains(s.flagged[a], u) {
					return false
				}
				flag = u
			default:
				return false
			}
		}
	}
	if flag == nil {
		return false
	}
	return s.defaultIs(flag, local)
}

// defaultIs reports whether the default of def, a string flag's
// definition (stringFlag), satisfies local, and the package never sets
// the flag by name: flag.Set("addr", ":"+os.Getenv("PORT")) replaces the
// default as a store through its pointer does.
func (s *Servers) defaultIs(def *ssa.Call, local func(ssa.Value) bool) bool {
	if s.setAny {
		return false
	}
	if name, ok := flagName(&def.Call); ok && s.setByName[name] {
		return false
	}
	d, _ := stringFlag(&def.Call)
	return local(def.Call.Args[d])
}

// namedFlagDefaults returns the defaults of the string flags that v
// looks up by name, and whether v is such a lookup: the string pflag's
// (*FlagSet).GetString(name) returns (cobra's cmd.Flags().GetString),
// name a constant, the package defining at least one string flag of that
// name (String, StringVar, StringP, StringVarP, of the flag package or
// pflag's) and every such definition giving the defaults. A flag of that
// name the package defines as no string, or defines nowhere, is not
// known: ok is false.
func (s *Servers) namedFlagDefaults(v ssa.Value) (defs []ssa.Value, ok bool) {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil, false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || !isMethod(ssakit.Callee(&call.Call), "github.com/spf13/pflag", "FlagSet", "GetString") || len(call.Call.Args) != 2 {
		return nil, false
	}
	name, ok := constString(call.Call.Args[1])
	if !ok || len(s.flagDefs[name]) == 0 || s.setAny || s.setByName[name] {
		return nil, false
	}
	for _, def := range s.flagDefs[name] {
		// GetString returns what the flag holds now: a store through
		// the pointer fs.String returned (*listen = ":" + port), or into
		// the variable fs.StringVar binds, replaces the default
		d, ptr := stringFlag(&def.Call)
		if ptr < 0 && s.storedThrough(def, false, 0) {
			return nil, false
		}
		if ptr >= 0 && !s.flagDefaultIs(&ssa.UnOp{Op: token.MUL, X: def.Call.Args[ptr]}, 1, func(ssa.Value) bool { return true }) {
			return nil, false
		}
		defs = append(defs, def.Call.Args[d])
	}
	return defs, true
}

// flagSetByName reports whether call sets a flag by its name: flag.Set,
// a FlagSet's Set (of flag or pflag), or the Set method of a flag's
// Value. name is that name, "" when it is not a constant or the Value is
// not that of a flag looked up by a constant name (flag.VisitAll(func(f
// *flag.Flag) { f.Value.Set(os.Getenv(...)) }) may set any flag).
func flagSetByName(call *ssa.CallCommon) (name string, set bool) {
	if call.IsInvoke() {
		if call.Method.Name() != "Set" || call.Method.Pkg() == nil {
			return "", false
		}
		if !flagPackage(call.Method.Pkg().Path()) {
			// the program's own interface (or a type parameter's) with
			// a FlagSet's Set(name, value string) error: a FlagSet may
			// be behind it
			if sig, ok := call.Method.Type().(*types.Signature); ok && sig.Params().Len() == 2 && sig.Results().Len() == 1 &&
				ssakit.IsString(sig.Params().At(0).Type()) && ssakit.IsString(sig.Params().At(1).Type()) && ssakit.IsError(sig.Results().At(0).Type()) {
				name, _ = constString(call.Args[0])
				return name, true
			}
			return "", false
		}
		// flag.Lookup("addr").Value.Set(v) sets that flag; the Value of
		// any other *Flag (VisitAll's, a helper's parameter, a Lookup
		// kept in a variable) may be any flag's
		load, ok := call.Value.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return "", true
		}
		fa, ok := load.X.(*ssa.FieldAddr)
		if !ok {
			return "", true
		}
		lookup, ok := fa.X.(*ssa.Call)
		if !ok {
			return "", true
		}
		fn := ssakit.Callee(&lookup.Call)
		if fn == nil || fn.Name() != "Lookup" || fn.Pkg() == nil || !flagPackage(fn.Pkg().Path()) || len(lookup.Call.Args) == 0 {
			return "", true
		}
		name, _ = constString(lookup.Call.Args[len(lookup.Call.Args)-1])
		return name, true
	}
	fn := ssakit.Callee(call)
	if fn == nil || fn.Name() != "Set" || fn.Pkg() == nil || !flagPackage(fn.Pkg().Path()) {
		return "", false
	}
	i := 0
	if ssakit.RecvName(fn) == "FlagSet" {
		i = 1
	} else if ssakit.RecvName(fn) != "" {
		return "", false
	}
	if i >= len(call.Args) {
		return "", false
	}
	name, _ = constString(call.Args[i])
	return name, true
}

// forwardsValue reports whether call, in fn, is how the Set method of
// a wrapper flag.Value (func (v *onceValue) Set(s string) error) passes
// the string it is given on to the Value it wraps: v.Value.Set(s), the
// Value a field of the receiver. The command line, parsed by the flag
// package, reaches the flag that way; the operator sets it, not the
// program. Any other flag set in such a method (a -config flag whose Set
// calls flag.Set for each line of a file, a Set that sets another flag)
// is the program's.
func forwardsValue(fn *ssa.Function, call *ssa.CallCommon) bool {
	sig := fn.Signature
	if fn.Name() != "Set" || sig.Recv() == nil || sig.Params().Len() != 1 || !ssakit.IsString(sig.Params().At(0).Type()) ||
		sig.Results().Len() != 1 || !ssakit.IsError(sig.Results().At(0).Type()) || len(fn.Params) != 2 {
		return false
	}
	if !call.IsInvoke() || len(call.Args) != 1 || call.Args[0] != fn.Params[1] {
		return false
	}
	switch v := call.Value.(type) {
	case *ssa.UnOp: // *&v.Value, v a pointer receiver
		fa, ok := v.X.(*ssa.FieldAddr)
		return ok && v.Op == token.MUL && fa.X == fn.Params[0]
	case *ssa.Field: // v.Value, v a value receiver
		return v.X == fn.Params[0]
	}
	return false
}

// flagPackage reports whether path is the flag package or pflag.
func flagPackage(path string) bool {
	return path == "flag" || path == "github.com/spf13/pflag"
}

// flagName returns the constant name of call, a string flag's
// definition (stringFlag).
func flagName(call *ssa.CallCommon) (string, bool) {
	fn := ssakit.Callee(call)
	if fn == nil {
		return "", false
	}
	i := 0
	if ssakit.RecvName(fn) == "FlagSet" {
		i = 1
	}
	if fn.Name() == "StringVar" || fn.Name() == "StringVarP" {
		i++
	}
	if i >= len(call.Args) {
		return "", false
	}
	return constString(call.Args[i])
}

func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// flagHostURL reports whether v is a URL that fmt.Sprintf makes of a
// scheme and a host read from a string flag whose every default is a
// loopback host (flagDefaultIs): fmt.Sprintf("http://%v:%v/startup",
// host, port), host being cmd.Flags().GetString("http-address") of a
// flag defined with the default "localhost", or *ip of ip :=
// flag.String("ip", "127.0.0.1", ...) (the program talks to its own daemon on
// this machine unless its operator says otherwise). The verb must follow
// "://" and be followed by ':', '/' or the end of the format, so that it
// is the whole host.
func (s *Servers) flagHostURL(v ssa.Value, depth int) bool {
	host, next, ok := sprintfURLHost(v)
	if !ok || next != 0 && next != ':' && next != '/' {
		return false
	}
	if p, ok := host.(*ssa.Parameter); ok && depth < 3 {
		// a helper given the host by the package's own code
		// (fetchPeers(*ip, *port)): the host each call passes
		return s.everyArgument(p, func(a ssa.Value) bool { return s.flagDefaultIs(a, 0, loopbackHostConst) })
	}
	return s.flagDefaultIs(host, 0, loopbackHostConst)
}

// flagURL reports whether v is a URL read from a string flag whose every
// default is a loopback URL (flagDefaultIs), perhaps followed by a path
// concatenated to it: *endpoint + "ct/v1/add-chain" with endpoint :=
// flag.String("proxy_endpoint", "http://localhost:5951/", ...) (fresh16's
// CT submission hammer, aimed at the developer's own proxy unless its
// operator says otherwise). With a suffix, the default's host must end
// within it ("http://localhost" + suffix may be another host).
func (s *Servers) flagURL(v ssa.Value) bool {
	base, suffixed := v, false
	for {
		b, ok := base.(*ssa.BinOp)
		if !ok || b.Op != token.ADD {
			break
		}
		base, suffixed = b.X, true
	}
	return s.flagDefaultIs(base, 0, func(def ssa.Value) bool {
		k, ok := constString(def)
		return ok && loopbackURLPrefix(k, !suffixed)
	})
}

// everyArgument reports whether every call of p's function passes, for
// p, a value that satisfies ok; the package's own code must make all the
// calls (ownSites).
func (s *Servers) everyArgument(p *ssa.Parameter, ok func(ssa.Value) bool) bool {
	i := slices.Index(p.Parent().Params, p)
	sites, own := s.ownSites(p.Parent())
	if i < 0 || !own {
		return false
	}
	return !slices.ContainsFunc(sites, func(site ssa.CallInstruction) bool {
		args := site.Common().Args
		return i >= len(args) || !ok(args[i])
	})
}

func isFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && fn.Type().(*types.Signature).Recv() == nil
}

func isZero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && (k.Value == nil || k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "")
}

// stringFlag returns the index of the default value of a call that
// defines a string flag (the flag package, a FlagSet's method, pflag's),
// and the index of the variable it binds for StringVar and StringVarP,
// or -1 for String and StringP, which return a pointer; def is -1 for
// any other call.
func stringFlag(call *ssa.CallCommon) (def, ptr int) {
	fn := ssakit.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return -1, -1
	}
	switch fn.Pkg().Path() {
	case "flag", "github.com/spf13/pflag":
	default:
		return -1, -1
	}
	recv := 0
	if ssakit.RecvName(fn) == "FlagSet" {
		recv = 1
	}
	switch fn.Name() {
	case "String":
		return recv + 1, -1
	case "StringP":
		return recv + 2, -1
	case "StringVar":
		return recv + 2, recv
	case "StringVarP":
		return recv + 3, recv
	}
	return -1, -1
}

// LocalListener reports whether v, a net.Listener, accepts only
// connections from the machine itself or from the process: a Unix
// socket, a TCP listener on a loopback address, or an in-memory
// listener (grpc's bufconn, fasthttputil's InmemoryListener, a listener
// type whose name says it is in memory or a pipe, a type of the
// analyzed code whose Accept hands out connections made in memory, or
// the result of a function of the analyzed code that returns one), or a
// tailnet listener of tailscale.com/tsnet (Listen, ListenTLS: only the
// tailnet's admitted devices connect; not ListenFunnel). It follows
// interface conversions, tls.NewListener, local variables, phis whose
// every edge is local and the variables a closure captures; the address
// of a TCP listener may be a flag whose default is a loopback address
// (flagDefault).
func (s *Servers) LocalListener(v ssa.Value) bool { return s.localListener(v, 0) }

func (s *Servers) localListener(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	depth++
	if inMemoryType(v.Type()) || s.memAcceptType(v.Type()) {
		return true
	}
	var call *ssa.Call
	index := 0
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return s.localListener(x.X, depth)
	case *ssa.ChangeInterface:
		return s.localListener(x.X, depth)
	case *ssa.FreeVar:
		if b := ssakit.Binding(x); b != nil {
			return s.localListener(b, depth)
		}
		return false
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return s.localField(fa, depth)
		}
		return everyStored(x, func(v ssa.Value) bool { return s.localListener(v, depth) })
	case *ssa.Phi:
		// a listener chosen on branches: every edge that is one must be
		// local (a nil edge is no listener: a helper that makes its
		// loopback listener only on some paths), and one must be
		seen := false
		for _, e := range x.Edges {
			if e == x || ssakit.IsNil(e) {
				continue
			}
			if !s.localListener(e, depth) {
				return false
			}
			seen = true
		}
		return seen
	case *ssa.Alloc:
		return s.wrapsLocal(x, depth)
	case *ssa.Extract:
		call, _ = x.Tuple.(*ssa.Call)
		index = x.Index
	case *ssa.Call:
		call = x
	}
	if call == nil {
		return false
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if sum := s.Summary(fn); sum != nil {
		return slices.Contains(sum.LocalResults, index)
	}
	if index != 0 {
		return false
	}
	args := call.Call.Args
	switch fn.Pkg().Path() + "." + ssakit.RecvName(fn) + "." + fn.Name() {
	case "crypto/tls..NewListener":
		return len(args) == 2 && s.localListener(args[0], depth)
	case "net..ListenUnix", "google.golang.org/grpc/test/bufconn..Listen",
		"github.com/valyala/fasthttp/fasthttputil..NewInmemoryListener":
		return true
	case "tailscale.com/tsnet.Server.Listen", "tailscale.com/tsnet.Server.ListenTLS":
		// a listener on the tailnet: only devices the tailnet's owner
		// admitted, authenticated by WireGuard keys and allowed by its
		// access rules, connect (ListenFunnel, which takes connections
		// from the internet, is not one)
		return true
	case "golang.org/x/net/netutil..LimitListener":
		return len(args) == 2 && s.localListener(args[0], depth)
	case "net..Listen":
		return len(args) == 2 && (LocalPeer(args[0], args[1]) || s.LocalAddr(args[1]))
	case "net.ListenConfig.Listen":
		return len(args) == 4 && (LocalPeer(args[2], args[3]) || s.LocalAddr(args[3]))
	}
	return false
}

// localField reports whether fa is an unexported field of a struct type
// of this package that holds only listeners no stranger reaches: every
// store into it, anywhere in the package (a constructor's composite
// literal), is one, and its address is used for nothing but loads and
// stores. Only the package can set an unexported field.
func (s *Servers) localField(fa *ssa.FieldAddr, depth int) bool {
	k, ok := fieldOf(fa)
	if !ok || k.st.Field(k.field).Exported() || k.st.Field(k.field).Pkg() != s.pkg {
		return false
	}
	switch v, busy := s.lfields[k]; {
	case !busy:
	case v == 0:
		return true // a load stored back: judged by the other stores
	default:
		return v > 0
	}
	s.lfields[k] = 0
	stored := false
	for _, a := range s.fieldUs[k] {
		for _, in := range *a.Referrers() {
			switch u := in.(type) {
			case *ssa.Store:
				if u.Addr != a || !s.localListener(u.Val, depth) {
					s.lfields[k] = -1
					return false
				}
				stored = true
			case *ssa.UnOp:
				if u.Op != token.MUL {
					s.lfields[k] = -1
					return false
				}
			case *ssa.DebugRef:
			default:
				s.lfields[k] = -1
				return false
			}
		}
	}
	if !stored {
		s.lfields[k] = -1
		return false
	}
	s.lfields[k] = 1
	return true
}

// memAcceptType reports whether t is a type of the analyzed code (or a
// pointer to one) whose Accept method hands out only connections made
// in memory (Summary.MemAccept).
func (s *Servers) memAcceptType(t types.Type) bool {
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj, index, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), "Accept")
	fn, _ := obj.(*types.Func)
	if fn == nil || len(index) != 1 { // promoted from an embedded listener
		return false
	}
	sum := s.Summary(fn)
	return sum != nil && sum.MemAccept
}

// DebugHandler reports whether v, the handler of a server, serves only
// debugging, metrics or profiling endpoints: promhttp's Handler,
// docker/go-metrics' Handler, expvar's Handler, net/http/pprof's handlers, a handler a debug helper
// of the analyzed code returns, or a ServeMux made in the function (or
// in the function a closure is made in) that receives only debug
// registrations (muxUses). A nil handler (the DefaultServeMux) is judged
// by Local, which knows the package.
func (s *Servers) DebugHandler(v ssa.Value) bool { return s.debugHandler(v, 0, false) }

func (s *Servers) debugHandler(v ssa.Value, depth int, returning bool) bool {
	if depth > 4 {
		return false
	}
	depth++
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return s.debugHandler(x.X, depth, returning)
	case *ssa.ChangeInterface:
		return s.debugHandler(x.X, depth, returning)
	case *ssa.ChangeType:
		return s.debugHandler(x.X, depth, returning) // http.HandlerFunc(pprof.Index)
	case *ssa.Function:
		return x.Pkg != nil && x.Pkg.Pkg.Path() == "net/http/pprof"
	case *ssa.MakeClosure:
		// h.ServeHTTP, the method value of a handler (mux.HandleFunc(p,
		// promhttp.HandlerFor(reg, opts).ServeHTTP)), serves what h does
		if fn, ok := x.Fn.(*ssa.Function); ok && fn.Name() == "ServeHTTP$bound" && len(x.Bindings) == 1 {
			return s.debugHandler(x.Bindings[0], depth, returning)
		}
	case *ssa.FreeVar:
		if b := ssakit.Binding(x); b != nil {
			return s.debugHandler(b, depth, returning)
		}
	case *ssa.UnOp:
		// a variable: every value stored into it
		return everyStored(x, func(v ssa.Value) bool { return s.debugHandler(v, depth, returning) })
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return s.debugResult(call, x, x.Index, returning)
		}
	case *ssa.Call:
		fn := ssakit.Callee(&x.Call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "github.com/prometheus/client_golang/prometheus/promhttp.Handler",
			"github.com/prometheus/client_golang/prometheus/promhttp.HandlerFor",
			"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentMetricHandler",
			// docker/go-metrics (docker, containerd, distribution): its
			// Handler is promhttp's. A library's body is not summarized
			// (driver.SkipLibraries), so it is known here.
			"github.com/docker/go-metrics.Handler",
			// OpenTelemetry's z-pages: the spans the process keeps
			"go.opentelemetry.io/contrib/zpages.NewTracezHandler",
			"expvar.Handler", "net/http/pprof.Handler":
			return true
		case "net/http.NewServeMux", "github.com/gorilla/mux.NewRouter":
			ok, routes := s.muxUses(x, returning)
			return ok && routes > 0
		}
		return s.debugResult(x, x, 0, returning)
	}
	return false
}

// debugResult reports whether v, result i of call, is a handler that a
// function of the analyzed code returns serving only debugging; a
// *http.ServeMux must then receive only debug registrations here too.
func (s *Servers) debugResult(call *ssa.Call, v ssa.Value, i int, returning bool) bool {
	sum := s.Summary(ssakit.Callee(&call.Call))
	if sum == nil || !slices.Contains(sum.DebugResults, i) {
		return false
	}
	if isServeMux(v.Type()) {
		ok, _ := s.muxUses(v, returning)
		return ok
	}
	return true
}

// muxUses reports whether every use of mux, a *http.ServeMux, registers
// a debug handler on it (debugRegistration), hands it to a debug helper
// (Summary.DebugParams), looks up a registered handler in it (its
// Handler method, which registers nothing: a helper that returns the
// page it registered before), or hands it to a server; routes counts the
// registrations. The mux may be kept in a variable, also one a closure
// captures (made outside, served inside go func() { ... }()), or in an
// unexported field of a type of the package whose every load receives
// only debug registrations (a debug helper's handle on the mux). With
// returning, the mux may be returned (a summary: the caller judges it
// again). A mux that leaves the function any other way is not known.
// A mux whose only registrations are pages of constant text is not a
// debug mux (ok is false). Calls, go and defer statements count alike.
func (s *Servers) muxUses(mux ssa.Value, returning bool) (bool, int) {
	routes, pages := 0, 0
	seen := map[ssa.Value]bool{}
	var uses func(v ssa.Value) bool
	uses = func(v ssa.Value) bool {
		if seen[v] || len(seen) > 32 {
			return len(seen) <= 32
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, in := range *refs {
			switch u := in.(type) {
			case ssa.CallInstruction: // a call, or a go or defer statement
				call := u.Common()
				if call.Value == v {
					return false
				}
				fn := ssakit.Callee(call)
				args := call.Args
				if isMethod(fn, "net/http", "ServeMux", "Handle", "HandleFunc") && len(args) == 3 && args[0] == v {
					switch {
					case s.debugRegistration(args[1], args[2]):
						routes++
					case staticPage(args[2]):
						// an index page of constant text beside the
						// debug routes: not a route of its own
						pages++
					default:
						return false
					}
					continue
				}
				if isMethod(fn, "net/http", "ServeMux", "Handler") && len(args) == 2 && args[0] == v {
					continue // a lookup: it registers nothing
				}
				if isMethod(fn, gorillaMux, "Router", "Handle", "HandleFunc", "Path", "PathPrefix") && len(args) >= 2 && args[0] == v {
					switch ok, page := s.gorillaRoute(u, fn.Name(), args); {
					case !ok:
						return false
					case page:
						pages++
					default:
						routes++
					}
					continue
				}
				if isMethod(fn, gorillaMux, "Router", "Use") && len(args) >= 1 && args[0] == v {
					continue // middleware wraps the routes: it adds none
				}
				sum := s.Summary(fn)
				if sum == nil {
					return false // handed on: routes may be added elsewhere
				}
				for j, a := range args {
					if a == v && !slices.Contains(sum.DebugParams, j) {
						return false
					}
				}
				routes++
			case *ssa.Store:
				if u.Val != v {
					return false
				}
				switch addr := u.Addr.(type) {
				case *ssa.Alloc:
					// into a variable of its own: follow the variable's
					// loads, here and in closures
					if !onlyStore(addr, u) || !cellUses(addr, uses) {
						return false
					}
				case *ssa.FieldAddr:
					n, ok := s.debugField(addr)
					if !ok {
						return false
					}
					routes += n
				default:
					return false
				}
			case *ssa.Return:
				if !returning {
					return false
				}
			case *ssa.MakeInterface:
				// the mux handed to the server as its http.Handler; an
				// interface with other methods (a generated router's
				// ServeMux interface with HandleFunc) lets the callee
				// register routes of its own
				if !handlerOnly(u.Type()) {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
		return true
	}
	if !uses(mux) || routes == 0 && pages > 0 {
		return false, 0 // pages of constant text alone are no debug routes
	}
	return true, routes
}

const gorillaMux = "github.com/gorilla/mux"

// handlerOnly reports whether t is an interface whose only method is
// ServeHTTP (http.Handler, or an interface of the code that says the
// same): what is given one can serve requests through it, not register
// routes on it. The empty interface is not one: it may be asserted back
// to the mux.
func handlerOnly(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() == 1 && iface.Method(0).Name() == "ServeHTTP"
}

// gorillaRoute judges a route of a gorilla/mux Router that call adds, by
// its method name and arguments (the router first): router.Handle(path,
// h) and router.HandleFunc(path, h), or router.Path(path) and
// router.PathPrefix(path) whose Route is given its handler by Handler or
// HandlerFunc and nothing else. ok is false unless the route is a debug
// registration or a page of constant text (page); a Route used for
// anything but matchers that narrow it (Methods, Name, Schemes, Headers,
// Queries, Host) and its one handler, a Subrouter above all, may add
// routes the pass does not see.
func (s *Servers) gorillaRoute(call ssa.CallInstruction, name string, args []ssa.Value) (ok, page bool) {
	route, ok := call.(*ssa.Call)
	if !ok {
		return false, false
	}
	path, handler := args[1], ssa.Value(nil)
	if name == "Handle" || name == "HandleFunc" {
		if len(args) != 3 {
			return false, false
		}
		handler = args[2]
	}
	var narrow func(v ssa.Value, depth int) bool
	narrow = func(v ssa.Value, depth int) bool {
		if depth > 8 || v.Referrers() == nil {
			return depth <= 8
		}
		for _, in := range *v.Referrers() {
			c, ok := in.(*ssa.Call)
			if !ok || c.Call.Value == v || len(c.Call.Args) == 0 || c.Call.Args[0] != v {
				if _, dbg := in.(*ssa.DebugRef); dbg {
					continue
				}
				return false
			}
			fn := ssakit.Callee(&c.Call)
			switch {
			case isMethod(fn, gorillaMux, "Route", "Handler", "HandlerFunc") && len(c.Call.Args) == 2:
				if handler != nil {
					return false // a second handler
				}
				handler = c.Call.Args[1]
			case isMethod(fn, gorillaMux, "Route", "Methods"):
				if len(c.Call.Args) != 2 || !readMethods(c.Call.Args[1]) {
					return false // a route that takes input (POST, PUT)
				}
			case isMethod(fn, gorillaMux, "Route", "Name", "Schemes", "Headers", "Queries", "Host"):
			default:
				return false
			}
			if !narrow(c, depth+1) {
				return false
			}
		}
		return true
	}
	if !narrow(route, 0) || handler == nil {
		return false, false
	}
	switch {
	case s.debugRegistration(path, handler):
		return true, false
	case staticPage(handler):
		return true, true
	}
	return false, false
}

// redirectsToDebug reports whether handler only redirects to a debug
// route (debugRoute): http.RedirectHandler("/debug/", code), or a
// function that captures nothing and calls nothing but
// http.Redirect(w, r, "/debug", code), as a debug listener's "/" does.
func redirectsToDebug(handler ssa.Value) bool {
	handler = ssakit.Unconvert(handler)
	if call, ok := handler.(*ssa.Call); ok {
		return isMethod(ssakit.Callee(&call.Call), "net/http", "", "RedirectHandler") && len(call.Call.Args) == 2 &&
			constDebugRoute(call.Call.Args[0])
	}
	fn, ok := handler.(*ssa.Function)
	if !ok || len(fn.FreeVars) != 0 || len(fn.Params) != 2 || fn.Blocks == nil {
		return false
	}
	redirects := 0
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			c, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			args := c.Common().Args
			if !isMethod(ssakit.Callee(c.Common()), "net/http", "", "Redirect") || len(args) != 4 ||
				args[0] != ssa.Value(fn.Params[0]) || args[1] != ssa.Value(fn.Params[1]) || !constDebugRoute(args[2]) {
				return false
			}
			redirects++
		}
	}
	return redirects > 0
}

// staticPage reports whether handler writes only constant text: a
// function that captures nothing and whose calls are the
// ResponseWriter's methods, the setting of constant headers, and
// io.WriteString, fmt.Fprint, http.Error, http.NotFound or http.Redirect
// with constant arguments (a page that links to /debug/, "ok" for a
// health check); it stores nothing and starts nothing.
func staticPage(handler ssa.Value) bool {
	fn, ok := ssakit.Unconvert(handler).(*ssa.Function)
	if !ok || len(fn.FreeVars) != 0 || len(fn.Params) != 2 || fn.Blocks == nil {
		return false
	}
	w, r := fn.Params[0], fn.Params[1]
	constArg := func(v ssa.Value) bool {
		switch c := v.(type) {
		case *ssa.Convert: // []byte("ok")
			v = c.X
		case *ssa.ChangeInterface: // w as an io.Writer
			v = c.X
		}
		_, ok := v.(*ssa.Const)
		return ok || v == w || v == r
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Call:
				if x.Call.IsInvoke() {
					if x.Call.Value != w || !slices.Contains([]string{"Write", "WriteHeader", "Header"}, x.Call.Method.Name()) {
						return false
					}
					for _, a := range x.Call.Args {
						if !constArg(a) {
							return false
						}
					}
					continue
				}
				callee := ssakit.Callee(&x.Call)
				args := x.Call.Args
				switch {
				case isMethod(callee, "net/http", "Header", "Set", "Add", "Del"):
					h, ok := args[0].(*ssa.Call)
					if !ok || !h.Call.IsInvoke() || h.Call.Value != w {
						return false
					}
					args = args[1:] // w.Header()
				case isMethod(callee, "io", "", "WriteString"),
					isMethod(callee, "net/http", "", "Error", "NotFound", "Redirect"):
				case isMethod(callee, "fmt", "", "Fprint", "Fprintf", "Fprintln"):
					if len(args) == 3 && ssakit.IsNil(args[2]) {
						args = args[:2]
					}
				default:
					return false
				}
				for _, a := range args {
					if !constArg(a) {
						return false
					}
				}
			case *ssa.Store, *ssa.MapUpdate, *ssa.Send, *ssa.Go, *ssa.Defer, *ssa.MakeClosure:
				return false
			}
		}
	}
	return true
}

// debugField reports whether fa is an unexported field of a struct type
// of this package every load of which, anywhere in the package, receives
// only debug registrations, and how many (0 or 1).
func (s *Servers) debugField(fa *ssa.FieldAddr) (int, bool) {
	k, ok := fieldOf(fa)
	if !ok || k.st.Field(k.field).Exported() || k.st.Field(k.field).Pkg() != s.pkg {
		return 0, false
	}
	switch s.fields[k] {
	case -1:
		return 0, false
	case 1:
		return 0, true
	case 2:
		return 1, true
	}
	if _, busy := s.fields[k]; busy {
		return 0, true // a load stored back: judged by the other loads
	}
	s.fields[k] = 0
	total := 0
	for _, a := range s.fieldUs[k] {
		for _, in := range *a.Referrers() {
			switch u := in.(type) {
			case *ssa.Store:
				if u.Addr != a {
					s.fields[k] = -1
					return 0, false
				}
			case *ssa.UnOp:
				ok, n := s.muxUses(u, false)
				if u.Op != token.MUL || !ok {
					s.fields[k] = -1
					return 0, false
				}
				total += n
			case *ssa.DebugRef:
			default:
				s.fields[k] = -1
				return 0, false
			}
		}
	}
	if total > 0 {
		s.fields[k] = 2
		return 1, true
	}
	s.fields[k] = 1
	return 0, true
}

// debugRegistration reports whether registering handler at route (on
// any ServeMux) serves only debugging: the route is under /debug/ or is
// /metrics (a constant, or a constant prefix such as "/debug/" + name),
// or the handler is a debug handler.
func (s *Servers) debugRegistration(route, handler ssa.Value) bool {
	return debugRouteValue(route) || s.debugHandler(handler, 0, false)
}

// debugRouteValue reports whether v is a debug or metrics route: a
// constant, "/debug/" + x, or fmt.Sprintf("/debug/...", ...).
func debugRouteValue(v ssa.Value) bool {
	if constDebugRoute(v) {
		return true
	}
	var prefix ssa.Value
	switch x := v.(type) {
	case *ssa.BinOp:
		if x.Op == token.ADD {
			prefix = x.X
		}
	case *ssa.Call:
		if isMethod(ssakit.Callee(&x.Call), "fmt", "", "Sprintf") && len(x.Call.Args) > 0 {
			prefix = x.Call.Args[0]
		}
	}
	k, ok := prefix.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	p := constant.StringVal(k.Value)
	if method, rest, ok := strings.Cut(p, " "); ok {
		if !readMethod(method) {
			return false // PUT /metrics/%s: input
		}
		p = strings.TrimSpace(rest)
	}
	return strings.HasPrefix(p, "/debug/") || strings.HasPrefix(p, "/metrics/")
}

// readMethod reports whether method, of a route's pattern, only reads:
// GET or HEAD.
func readMethod(method string) bool {
	m := strings.TrimSpace(method)
	return m == "GET" || m == "HEAD"
}

// readMethods reports whether v, the variadic argument of gorilla/mux's
// Route.Methods, lists only GET and HEAD, as constants.
func readMethods(v ssa.Value) bool {
	elems, ok := ssakit.LiteralElems(v)
	if !ok {
		return false
	}
	for _, e := range elems {
		m, ok := constString(e)
		if !ok || !readMethod(strings.ToUpper(m)) {
			return false
		}
	}
	return true
}

// hasMethod reports whether t, or a pointer to it, has a method of
// that name.
func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// isServeMux reports whether t is *http.ServeMux.
func isServeMux(t types.Type) bool { return pointerTo(t, "net/http", "ServeMux") }

// isGorillaRouter reports whether t is *mux.Router of gorilla/mux.
func isGorillaRouter(t types.Type) bool { return pointerTo(t, gorillaMux, "Router") }

// pointerTo reports whether t is a pointer to the named type pkg.name.
func pointerTo(t types.Type, pkg, name string) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// Local reports whether an http server with this address, listener and
// handler (each may be nil when not known) is reachable by no stranger,
// or serves only debug and metrics endpoints, or listens where the
// program names a monitoring port (MonitoringNamed): the reports of a missing
// server timeout on it are moot. A handler that is the constant nil
// serves the DefaultServeMux (DefaultMuxDebug), as does
// http.DefaultServeMux named. Where some of them are
// parameters of a function that only the package's own code calls (not
// exported, or in package main, and its value never escaping), the
// server is judged at each call site with the arguments passed there
// (a helper that starts the health server on the address and mux it is
// given): it is local when it is at every site.
func (s *Servers) Local(addr, listener, handler ssa.Value) bool {
	return s.local(addr, listener, handler, 0)
}

func (s *Servers) local(addr, listener, handler ssa.Value, depth int) bool {
	if addr != nil && s.LocalAddr(addr) || listener != nil && s.LocalListener(listener) {
		return true
	}
	if addr != nil && MonitoringNamed(addr) || listener != nil && MonitoringNamed(listener) {
		return true // the program's metrics, profiling or debugging port, by its name
	}
	if handler != nil && (ssakit.IsNil(handler) || isDefaultMux(ssakit.Unconvert(handler))) {
		return s.DefaultMuxDebug() // nil, or http.DefaultServeMux by name
	}
	if handler != nil && s.DebugHandler(handler) {
		return true
	}
	return s.localAtSites(addr, listener, handler, depth)
}

// paramOf returns the parameter v is, or that v converts to an
// interface (a *http.ServeMux parameter made an http.Handler).
func paramOf(v ssa.Value) (*ssa.Parameter, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	p, ok := v.(*ssa.Parameter)
	return p, ok
}

// localAtSites judges a server whose address, listener or handler is a
// parameter of its function at each of the function's call sites
// (Local).
func (s *Servers) localAtSites(addr, listener, handler ssa.Value, depth int) bool {
	if s.callers == nil || depth >= 3 {
		return false
	}
	var fn *ssa.Function
	for _, v := range []ssa.Value{addr, listener, handler} {
		if p, ok := paramOf(v); ok {
			fn = p.Parent()
		}
	}
	if fn == nil {
		return false
	}
	sites, ok := s.ownSites(fn)
	if !ok {
		return false
	}
	param := func(v ssa.Value, args []ssa.Value) ssa.Value {
		p, ok := paramOf(v)
		if !ok || p.Parent() != fn {
			return v
		}
		i := slices.Index(fn.Params, p)
		if i < 0 || i >= len(args) {
			return nil
		}
		return args[i]
	}
	for _, site := range sites {
		args := site.Common().Args
		if !s.local(param(addr, args), param(listener, args), param(handler, args), depth+1) {
			return false
		}
	}
	return true
}

// ownSites returns the calls of fn when the package's own code makes all
// of them: fn is unexported or in package main, its value does not
// escape, it has at least one call, and each is a static call of fn (or
// of an instance of it, when generic). ok is false otherwise.
func (s *Servers) ownSites(fn *ssa.Function) (sites []ssa.CallInstruction, ok bool) {
	if s.callers == nil {
		return nil, false
	}
	if obj := fn.Object(); obj != nil && obj.Exported() && obj.Pkg().Name() != "main" {
		return nil, false // other packages call it too
	}
	sites, all := s.callers.Sites(fn)
	if !all || len(sites) == 0 {
		return nil, false
	}
	for _, site := range sites {
		if callee := site.Common().StaticCallee(); callee == nil || callee != fn && callee.Origin() != fn {
			return nil, false
		}
	}
	return sites, true
}

// DefaultMuxDebug reports whether a server of the package that serves
// the DefaultServeMux serves only debug endpoints, or what the program
// that imports the package puts there:
//   - what the package and its imports register is debug alone
//     (MuxDebug);
//   - or, in a library, nothing at all: such a package serves what the
//     program's main package registers, most often by importing
//     net/http/pprof ("start the profiling listener when the address
//     is set"). The library cannot say it is a network server, so it
//     is not reported. A main package that registers nothing serves
//     only 404s; it stays reported, since it can see all the program.
func (s *Servers) DefaultMuxDebug() bool {
	return s.mux == MuxDebug || s.mux == 0 && s.pkg.Name() != "main"
}

// Mux returns what the package and its imports register on the
// DefaultServeMux.
func (s *Servers) Mux() MuxUse { return s.mux }

// Flags returns what the package and its imports of the same module do
// to command-line flags, for the packages that import it.
func (s *Servers) Flags() FlagUse {
	if s.setAny {
		return FlagUse{Any: true}
	}
	var u FlagUse
	for name := range s.setByName {
		u.Names = append(u.Names, name)
	}
	slices.Sort(u.Names)
	return u
}

// MaySetFlags is the cheap filter before the SSA of a package that
// makes no network call is built only to learn what it does to
// command-line flags (Flags): the package is of the main module (a
// versioned dependency's flags are read by no package of the program:
// ImportedFlags), imports the flag package or pflag, and names a
// function or method called Set, or os.Args.
func MaySetFlags(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Version != "" {
		return false
	}
	if !slices.ContainsFunc(pass.Pkg.Imports(), func(imp *types.Package) bool { return flagPackage(imp.Path()) }) {
		return false
	}
	for _, obj := range pass.TypesInfo.Uses {
		switch obj := obj.(type) {
		case *types.Func:
			if obj.Name() == "Set" {
				return true
			}
		case *types.Var:
			if obj.Name() == "Args" && obj.Pkg() != nil && obj.Pkg().Path() == "os" {
				return true
			}
		}
	}
	return false
}

// ImportedFlags returns what the packages pass's package imports from
// its own module do to command-line flags, as Known says (when the
// driver does not say the module, every import counts). A library of
// another module that fills flags from the environment or a
// configuration file (ff's WithEnvVarPrefix, an envflag package) passes
// on what the operator says, as the command line does; a package of the
// program itself that sets a flag (flag.Set("addr", ":"+os.Getenv("PORT"))
// in an internal/platform package) is the program choosing the address.
func ImportedFlags(pass *analysis.Pass, known Known) FlagUse {
	var u FlagUse
	if known == nil {
		return u
	}
	for _, imp := range pass.Pkg.Imports() {
		if mod := knownModule(pass); mod != "" && imp.Path() != mod && !strings.HasPrefix(imp.Path(), mod+"/") {
			continue
		}
		f := known.PackageFlags(imp)
		if f.Any {
			return FlagUse{Any: true}
		}
		for _, n := range f.Names {
			if !slices.Contains(u.Names, n) {
				u.Names = append(u.Names, n)
			}
		}
	}
	slices.Sort(u.Names)
	return u
}

// ImportedMux returns what the packages pass's package imports register
// on the DefaultServeMux: MuxDebug for a direct import of net/http/pprof
// or expvar by a non-test file (they register /debug/pprof/ and
// /debug/vars), and what Known says of the others.
func ImportedMux(pass *analysis.Pass, known Known) MuxUse {
	var m MuxUse
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		for _, spec := range f.Imports {
			switch strings.Trim(spec.Path.Value, "`\"") {
			case "net/http/pprof", "expvar":
				m |= MuxDebug
			}
		}
	}
	if known != nil {
		for _, imp := range pass.Pkg.Imports() {
			m |= known.PackageMux(imp)
		}
	}
	return m
}

// ownMux returns what funcs register on the DefaultServeMux: http.Handle
// and http.HandleFunc, its own Handle methods, and the debug helpers it
// is given to. The DefaultServeMux kept in a variable, a field or a
// closure's capture may receive any route through it (MuxOther). A
// registration is debug by its route or its handler
// (debugRegistration); only a debug handler (pprof's, expvar's,
// promhttp's) or a debug helper says the mux is a debug listener
// (MuxDebug): a route under /debug/ alone does not. A lookup (its
// Handler method) registers nothing. The DefaultServeMux handed to any
// other function may receive any route (MuxOther).
func (s *Servers) ownMux(funcs []*ssa.Function) MuxUse {
	var m MuxUse
	register := func(route, handler ssa.Value) {
		switch {
		case s.debugHandler(handler, 0, false):
			m |= MuxDebug
		case debugRouteValue(route):
		case redirectsToDebug(handler):
			// "/" sent on to the debug index: not a route of its own
		default:
			m |= MuxOther
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					if isDefaultMux(x.Val) {
						m |= MuxOther // kept in a variable or field: may receive any route
					}
				case *ssa.MakeClosure:
					if slices.ContainsFunc(x.Bindings, isDefaultMux) {
						m |= MuxOther
					}
				case *ssa.MakeInterface:
					if isDefaultMux(x.X) && !handlerOnly(x.Type()) {
						m |= MuxOther // as a registration interface (var r Router = http.DefaultServeMux)
					}
				}
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				f := ssakit.Callee(&call.Call)
				args := call.Call.Args
				if isMethod(f, "net/http", "", "Handle", "HandleFunc") && len(args) == 2 {
					register(args[0], args[1])
					continue
				}
				for j, a := range args {
					if !isDefaultMux(a) {
						continue
					}
					switch {
					case j == 0 && isMethod(f, "net/http", "ServeMux", "Handle", "HandleFunc") && len(args) == 3:
						register(args[1], args[2])
					case j == 0 && isMethod(f, "net/http", "ServeMux", "Handler") && len(args) == 2:
						// a lookup registers nothing (x/net/trace's
						// initializer refuses a second copy of itself so)
					case slices.Contains(s.Summary(f).debugParams(), j):
						m |= MuxDebug
					default:
						m |= MuxOther
					}
				}
			}
		}
	}
	return m
}

func (s *Summary) debugParams() []int {
	if s == nil {
		return nil
	}
	return s.DebugParams
}
