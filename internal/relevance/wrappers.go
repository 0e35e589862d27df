package relevance

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// This file knows two spellings a package uses for its own listeners:
// a struct that wraps a listener (type Listener struct{ net.Listener;
// Timeout time.Duration }, whose Accept accepts from the wrapped one and
// wraps the connection), and a helper that joins a host and a port
// (func JoinHostPort(host string, port int) string).

// wrapsLocal reports whether alloc, a struct value the package makes
// (&T{Listener: l} or new(T)), is a listener no stranger reaches because
// it wraps one: T's Accept accepts only from one field of T (a promoted
// Accept of an embedded listener of a type of this package, or a method
// that returns only what it accepted from that field of its receiver),
// the field is set only where a value of T is made (setOnMake), alloc is
// only made an interface or has its fields addressed, and every value
// stored into that field of alloc is a listener no stranger reaches.
func (s *Servers) wrapsLocal(alloc *ssa.Alloc, depth int) bool {
	field, ok := s.acceptField(alloc.Type())
	if !ok || !s.setOnMake(alloc.Type(), field) {
		return false
	}
	stored := false
	for _, in := range *alloc.Referrers() {
		switch in.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef, *ssa.MakeInterface:
		default:
			return false // the value goes elsewhere: a setter may swap its listener
		}
		fa, ok := in.(*ssa.FieldAddr)
		if !ok || fa.Field != field {
			continue
		}
		for _, u := range *fa.Referrers() {
			switch u := u.(type) {
			case *ssa.Store:
				if u.Addr != fa || !s.localListener(u.Val, depth) {
					return false
				}
				stored = true
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return false // the field's address goes elsewhere
			}
		}
	}
	return stored
}

// setOnMake reports whether this package stores into field of the
// struct *T (t) only through the address of a value it has just made
// (an *ssa.Alloc: &T{...}, new(T), a local variable), never through a
// receiver, a parameter, a captured variable or a call's result, and
// never replaces a whole T through such an address: a method that swaps
// the wrapped listener (w.inner = l, *w = T{inner: l}) makes any value
// of T a listener of whatever it is given.
func (s *Servers) setOnMake(t types.Type, field int) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	k := fieldKey{st, field}
	if v, ok := s.onMake[k]; ok {
		return v
	}
	ok = s.wholeStores[st] == 0
	for _, fa := range s.fieldUs[k] {
		if !ok {
			break
		}
		if _, made := fa.X.(*ssa.Alloc); made {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, isStore := u.(*ssa.Store); isStore && st.Addr == fa {
				ok = false
			}
		}
	}
	s.onMake[k] = ok
	return ok
}

// acceptField returns the field of the struct *T (t) that T's Accept
// method accepts from. A generic type is none (its fields' stores are
// recorded under its instances' structs), and so is one of another
// package whose Accept is promoted (no fact can say that package sets
// the field only where it makes a value).
func (s *Servers) acceptField(t types.Type) (int, bool) {
	named, ok := wrapperType(t)
	if !ok {
		return 0, false
	}
	ptr := t.(*types.Pointer)
	obj, index, _ := types.LookupFieldOrMethod(ptr, true, named.Obj().Pkg(), "Accept")
	method, ok := obj.(*types.Func)
	if !ok {
		return 0, false
	}
	if len(index) > 1 {
		// promoted from an embedded field
		return index[0], named.Obj().Pkg() == s.pkg
	}
	if method.Pkg() != s.pkg {
		// a method of another package: its fact says
		if sum := s.Summary(method); sum != nil && len(sum.AcceptFields) == 1 {
			return sum.AcceptFields[0], true
		}
		return 0, false
	}
	fn := s.funcs[method]
	if fn == nil {
		return 0, false
	}
	if sum := s.FuncSummary(fn); sum != nil && len(sum.AcceptFields) == 1 {
		return sum.AcceptFields[0], true
	}
	return 0, false
}

// wrapperType returns the type T that t, *T, points to, when T is a
// struct type that is not generic.
func wrapperType(t types.Type) (*types.Named, bool) {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return nil, false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.TypeArgs().Len() > 0 || named.TypeParams().Len() > 0 {
		return nil, false
	}
	_, ok = named.Underlying().(*types.Struct)
	return named, ok
}

// acceptsFrom returns the field of its receiver that fn, an Accept
// method, accepts from: it calls an Accept method on a load of that one
// field of the receiver, every connection it returns is nil or what that
// call returned (perhaps wrapped in a struct it makes, as a connection
// with an idle timeout is), and it makes no closure, receives from no
// channel and hands the receiver or any of its fields to no other call.
func acceptsFrom(fn *ssa.Function) (int, bool) {
	if len(fn.Params) == 0 || len(fn.AnonFuncs) > 0 || fn.Signature.Results().Len() == 0 {
		return 0, false
	}
	recv := fn.Params[0]
	field := -1
	accepted := map[ssa.Value]bool{}
	var buf []*ssa.Value
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Select:
				return 0, false
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					return 0, false
				}
			}
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if on, ok := acceptCall(call.Common()); ok {
				f, ok := receiverField(on, recv)
				if !ok || field >= 0 && f != field {
					return 0, false
				}
				field = f
				if v := call.Value(); v != nil {
					accepted[v] = true
				}
				continue
			}
			buf = in.Operands(buf[:0])
			for _, op := range buf {
				if *op == recv {
					return 0, false
				}
				if _, ok := receiverField(*op, recv); ok {
					return 0, false // another field, or the field given to a helper
				}
			}
		}
	}
	if field < 0 {
		return 0, false
	}
	for _, ret := range ssakit.Returns(fn) {
		if len(ret.Results) == 0 || !acceptedConn(ret.Results[0], accepted, 0) {
			return 0, false
		}
	}
	return field, true
}

// acceptedConn reports whether v, a connection an Accept method returns,
// is nil or what one of the accepted calls returned, through interface
// conversions, φ-nodes and structs made around it (&Conn{Conn: c}).
func acceptedConn(v ssa.Value, accepted map[ssa.Value]bool, depth int) bool {
	if depth > 8 {
		return false
	}
	depth++
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value == nil
	case *ssa.Extract:
		return x.Index == 0 && accepted[x.Tuple]
	case *ssa.MakeInterface:
		return acceptedConn(x.X, accepted, depth)
	case *ssa.ChangeInterface:
		return acceptedConn(x.X, accepted, depth)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if e != x && !acceptedConn(e, accepted, depth) {
				return false
			}
		}
		return true
	case *ssa.Alloc:
		// a struct made around the connection: one of its fields holds it
		return madeAround(x, func(v ssa.Value) bool { return acceptedConn(v, accepted, depth) })
	}
	return false
}

// madeAround reports whether alloc, a struct made in the function, has
// a field into which a value satisfying ok is stored (&peeked{Conn: c}).
func madeAround(alloc *ssa.Alloc, ok func(ssa.Value) bool) bool {
	for _, in := range *alloc.Referrers() {
		fa, isField := in.(*ssa.FieldAddr)
		if !isField {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, isStore := u.(*ssa.Store); isStore && st.Addr == fa && ok(st.Val) {
				return true
			}
		}
	}
	return false
}

// acceptCall returns the value an Accept (AcceptTCP, AcceptUnix) method
// is called on.
func acceptCall(common *ssa.CallCommon) (ssa.Value, bool) {
	if common.IsInvoke() {
		return common.Value, strings.HasPrefix(common.Method.Name(), "Accept")
	}
	callee := ssakit.Callee(common)
	if callee == nil || ssakit.RecvName(callee) == "" || !strings.HasPrefix(callee.Name(), "Accept") || len(common.Args) == 0 {
		return nil, false
	}
	return common.Args[0], true
}

// exportedWrapped reports whether t, a result type, is a pointer to a
// wrapper struct whose accepted field is exported: the caller can set it
// to any listener (w.Listener = public), so the helper's result is no
// local listener whatever the helper stored there.
func (s *Servers) exportedWrapped(t types.Type) bool {
	f, ok := s.acceptField(t)
	if !ok {
		return false
	}
	st := t.(*types.Pointer).Elem().Underlying().(*types.Struct)
	return st.Field(f).Exported()
}

// receiverField returns the field of recv that v loads (l.Listener, or
// the address of an embedded value field), also through the fields of
// fields (x.more.public).
func receiverField(v ssa.Value, recv *ssa.Parameter) (int, bool) {
	for range 8 {
		if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
			v = load.X
		}
		fa, ok := v.(*ssa.FieldAddr)
		if !ok {
			return 0, false
		}
		if fa.X == recv {
			return fa.Field, true
		}
		v = fa.X
	}
	return 0, false
}

// joinsLoopback reports whether v joins a loopback host and a port
// (joinHost): a loopback host constant given to a function of this
// package that joins its parameter (JoinHostPort("localhost", port) in a
// helper), or a host read from a string flag whose default is a loopback
// host and that nothing else sets (flagDefaultIs), joined directly or by
// such a helper: net.JoinHostPort(*host, *port) with host :=
// flag.String("h", "127.0.0.1", ...) listens on loopback unless the
// operator says otherwise.
func (s *Servers) joinsLoopback(v ssa.Value) bool {
	host, ok := s.joinHost(v, 0)
	return ok && (loopbackHostConst(host) || s.flagDefaultIs(host, 0, loopbackHostConst))
}

// loopbackHostConst reports whether v is a string constant naming a
// loopback host ("localhost", "127.0.0.1", "::1", "[::1]").
func loopbackHostConst(v ssa.Value) bool {
	host, ok := constString(v)
	if !ok {
		return false
	}
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	return loopbackHost(host)
}

// joinHost returns the value v joins as the host of a host:port address:
// the host of net.JoinHostPort(host, port) or of host + ":" + port, or
// the argument given to a function of the package (or one whose fact
// says so) that joins its parameter i as the host (hostParam).
func (s *Servers) joinHost(v ssa.Value, depth int) (ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil {
			return nil, false
		}
		if callee.Pkg != nil && callee.Pkg.Pkg.Path() == "net" && callee.Name() == "JoinHostPort" && len(x.Call.Args) == 2 {
			return x.Call.Args[0], true
		}
		if j := s.hostParam(callee, depth); j >= 0 && j < len(x.Call.Args) {
			return x.Call.Args[j], true
		}
	case *ssa.BinOp:
		// host + ":" + port is (host + ":") + port
		var operands []ssa.Value
		var walk func(v ssa.Value)
		walk = func(v ssa.Value) {
			if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD && len(operands) < 16 {
				walk(b.X)
				walk(b.Y)
				return
			}
			operands = append(operands, v)
		}
		walk(x)
		if len(operands) < 2 {
			return nil, false
		}
		if sep, ok := operands[1].(*ssa.Const); ok && sep.Value != nil && sep.Value.Kind() == constant.String &&
			strings.HasPrefix(constant.StringVal(sep.Value), ":") {
			return operands[0], true
		}
	}
	return nil, false
}

// hostParam returns i when fn, a function of this package with one
// string result, returns on every path a host:port address whose host
// is its parameter i: net.JoinHostPort(host, port), host + ":" + port,
// or the result of such a function of the package given host. It
// returns -1 otherwise.
func (s *Servers) hostParam(fn *ssa.Function, depth int) int {
	if i, ok := s.hosts[fn]; ok {
		return i
	}
	if fn.Pkg != nil && fn.Pkg.Pkg != s.pkg {
		// a function of another package: its fact says
		s.hosts[fn] = -1
		if obj, ok := fn.Object().(*types.Func); ok {
			if sum := s.Summary(obj); sum != nil && len(sum.HostParams) == 1 {
				s.hosts[fn] = sum.HostParams[0]
			}
		}
		return s.hosts[fn]
	}
	if fn.Pkg == nil || depth > 4 {
		return -1 // not remembered: a shallower question may get further
	}
	s.hosts[fn] = -1 // recursion: no
	res := fn.Signature.Results()
	if res.Len() != 1 || !ssakit.IsString(res.At(0).Type()) {
		return -1
	}
	param := -1
	for _, ret := range ssakit.Returns(fn) {
		i := s.joinedHost(ret.Results[0], fn, depth+1)
		if i < 0 || param >= 0 && i != param {
			return -1
		}
		param = i
	}
	s.hosts[fn] = param
	return param
}

// joinedHost returns the index of the parameter of fn that is the host
// of the address v joins, or -1.
func (s *Servers) joinedHost(v ssa.Value, fn *ssa.Function, depth int) int {
	paramIndex := func(v ssa.Value) int {
		p, ok := v.(*ssa.Parameter)
		if !ok {
			return -1
		}
		return slices.Index(fn.Params, p)
	}
	if depth > 8 {
		return -1
	}
	switch x := v.(type) {
	case *ssa.Phi:
		if i, seen := s.phiHosts[x]; seen {
			return i // judged, or being judged (a loop: -1)
		}
		s.phiHosts[x] = -1
		param := -1
		for _, e := range x.Edges {
			i := s.joinedHost(e, fn, depth+1)
			if i < 0 || param >= 0 && i != param {
				return -1
			}
			param = i
		}
		s.phiHosts[x] = param
		return param
	case *ssa.Call, *ssa.BinOp:
		if host, ok := s.joinHost(v, depth); ok {
			return paramIndex(host)
		}
	}
	return -1
}

// isWrapperType reports whether t is *T for a struct type T that is not
// generic (wrapperType).
func isWrapperType(t types.Type) bool {
	_, ok := wrapperType(t)
	return ok
}
