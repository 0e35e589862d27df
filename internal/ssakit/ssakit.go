// Package ssakit is the one copy of the small SSA questions that every
// toctou pass and the shared internal packages ask: which function a call
// statically calls, the values of a call's results, the index of a
// parameter, whether a type is error, whether a condition mentions another
// parameter, which instruction runs first; and BottomUp, the driver that
// computes per-function summaries over the static call graph's strongly
// connected components, callees before callers.
//
// It answers what the code does, never whether it is a bug: the passes
// keep their own judgement. No pass keeps a private copy of these helpers
// (docs/design.md, "Shared internals").
package ssakit

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Callee returns the function a call statically calls, seen through
// generic instantiation, or nil (a dynamic call, an interface method, a
// builtin, or a function literal).
func Callee(call *ssa.CallCommon) *types.Func {
	f := call.StaticCallee()
	if f == nil {
		return nil
	}
	if o := f.Origin(); o != nil {
		f = o
	}
	fn, _ := f.Object().(*types.Func)
	return fn
}

// Results returns the values of a call's results, by index; a result no
// instruction uses is nil. A call of one result is its own value.
func Results(call *ssa.Call) []ssa.Value {
	n := call.Call.Signature().Results().Len()
	if n == 1 {
		return []ssa.Value{call}
	}
	out := make([]ssa.Value, n)
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Tuple == call {
			out[e.Index] = e
		}
	}
	return out
}

// ParamIndex returns the index of p among fn's parameters (receiver
// first, for methods), or -1 when p is nil or not one of them. For a
// parameter's own function, pass p.Parent().
func ParamIndex(fn *ssa.Function, p *ssa.Parameter) int {
	if fn == nil || p == nil {
		return -1
	}
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return types.Identical(t, errorType)
}

var errorType = types.Universe.Lookup("error").Type()

// ImplementsError reports whether t is a concrete (non-interface) type
// that implements error: a value of it is an error someone made.
func ImplementsError(t types.Type) bool {
	return !types.IsInterface(t) && types.Implements(t, errorType.Underlying().(*types.Interface))
}

// IsNil reports whether v is the constant nil.
func IsNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value == nil
}

// IsBool reports whether t is a boolean type.
func IsBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// IsString reports whether t is a string type.
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// RecvName returns the name of the named type of fn's receiver, without
// a pointer, or "" for a function (or a receiver of no named type).
func RecvName(fn *types.Func) string {
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

// QualifiedName names a function by package path, receiver type and name,
// as the passes' tables spell it: "os.Create", "time.Time.Unix",
// "sync/atomic.Int64.Add"; "" for a function of no package or a method of
// no named type.
func QualifiedName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv := RecvName(fn)
		if recv == "" {
			return ""
		}
		return fn.Pkg().Path() + "." + recv + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// MethodName is the name of the method a call invokes, through an
// interface or statically, or "" for a call of a function.
func MethodName(call *ssa.CallCommon) string {
	if call.Method != nil {
		return call.Method.Name()
	}
	if fn := call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		return fn.Name()
	}
	return ""
}

// MentionsParam reports whether v is computed from a parameter other
// than except, looking through operators, loads, fields, v, ok := m[k],
// x.(T) and builtins, but not through phis nor the results of calls (an
// error from an earlier call is not an option of the caller's). depth is
// the recursion depth so far, 0 for a caller; past 8 the answer is no.
//
// It is what "is this use steered by another parameter" means in every
// pass: expect.Parse(fset, name, content) reads name only when content is
// nil, so it is no plain wrapper of a read.
func MentionsParam(v ssa.Value, except *ssa.Parameter, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v != except
	case *ssa.Call:
		if _, ok := v.Call.Value.(*ssa.Builtin); !ok {
			return false
		}
		for _, a := range v.Call.Args {
			if MentionsParam(a, except, depth+1) {
				return true
			}
		}
		return false
	case *ssa.Extract:
		if _, isCall := v.Tuple.(*ssa.Call); isCall {
			return false
		}
		return MentionsParam(v.Tuple, except, depth+1)
	case *ssa.Phi:
		return false
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if *op != nil && MentionsParam(*op, except, depth+1) {
			return true
		}
	}
	return false
}

// RunsBefore reports whether instruction a dominates instruction b of the
// same function: every path to b runs a first. Instructions of different
// functions (or without a block) never do.
func RunsBefore(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, i := range ab.Instrs {
		switch i {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// Returns returns the return instructions of fn, in block order.
func Returns(fn *ssa.Function) []*ssa.Return {
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if r, ok := b.Instrs[n-1].(*ssa.Return); ok {
				rets = append(rets, r)
			}
		}
	}
	return rets
}

// Unconvert returns the value v converts to an interface or to another
// type with the same underlying type, looking through such conversions.
func Unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// IsErrVar reports whether v is a load of the file-system error variable
// name of package os or io/fs (ErrExist, ErrNotExist, ...): os.ErrExist
// and fs.ErrExist are the same value.
func IsErrVar(v ssa.Value, name string) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok || g.Object() == nil || g.Object().Pkg() == nil {
		return false
	}
	path := g.Object().Pkg().Path()
	return g.Name() == name && (path == "os" || path == "io/fs")
}

// SentinelTest returns the error that call tests for the file-system
// condition which ("Exist", "NotExist", "Permission"...):
// os.IsExist(err), or errors.Is(err, fs.ErrExist) (or os.ErrExist). It is
// the one answer to "is this branch a test of that call's error for
// this outcome"; the caller compares the value with its error.
func SentinelTest(call *ssa.CallCommon, which string) (ssa.Value, bool) {
	switch QualifiedName(Callee(call)) {
	case "os.Is" + which:
		if len(call.Args) == 1 {
			return call.Args[0], true
		}
	case "errors.Is":
		if len(call.Args) == 2 && IsErrVar(call.Args[1], "Err"+which) {
			return call.Args[0], true
		}
	}
	return nil, false
}

// Dominates reports whether a runs before b, another instruction of the
// same function, on every path to b.
func Dominates(a, b ssa.Instruction) bool {
	if a == b {
		return false
	}
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, in := range a.Block().Instrs {
		if in == a {
			return true
		}
		if in == b {
			return false
		}
	}
	return false
}

// FieldName returns the name of the field fa addresses, or "".
func FieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// ErrResult returns the value that holds call's error result (the call
// itself, or the Extract of its last result), or nil when the call has
// none or the error is never extracted from its tuple. hasErr says
// whether the call returns an error last at all.
func ErrResult(call *ssa.Call) (err ssa.Value, hasErr bool) {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !IsError(res.At(res.Len()-1).Type()) {
		return nil, false
	}
	if res.Len() == 1 {
		return call, true
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == res.Len()-1 {
			return e, true
		}
	}
	return nil, true
}

// Used reports whether an instruction other than a debug reference uses
// v.
func Used(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// LiteralElems returns the values stored into the elements of a slice
// literal, v being the slice of its backing array ([]string{"a", "b"},
// a variadic argument), in the order the stores are found; ok is false
// when v is no such slice.
func LiteralElems(v ssa.Value) (elems []ssa.Value, ok bool) {
	s, isSlice := v.(*ssa.Slice)
	if !isSlice {
		return nil, false
	}
	arr, isAlloc := s.X.(*ssa.Alloc)
	if !isAlloc {
		return nil, false
	}
	for _, r := range *arr.Referrers() {
		ia, isIndex := r.(*ssa.IndexAddr)
		if !isIndex || ia.Referrers() == nil {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, isStore := rr.(*ssa.Store); isStore && st.Addr == ia {
				elems = append(elems, st.Val)
			}
		}
	}
	return elems, true
}

// Encloses reports whether fn is outer or a function literal written
// inside it, at any depth.
func Encloses(outer, fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn == outer {
			return true
		}
	}
	return false
}

// CapturedAs returns the free variables that v, one of the values the
// closure mc binds, becomes in the closure's function (mc.Fn, which
// go/ssa makes a *Function always): one per binding of v.
func CapturedAs(mc *ssa.MakeClosure, v ssa.Value) []*ssa.FreeVar {
	fn := mc.Fn.(*ssa.Function)
	var fvs []*ssa.FreeVar
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			fvs = append(fvs, fn.FreeVars[i])
		}
	}
	return fvs
}

// Binding returns the value a closure's free variable is bound to where
// the closure is made, when its function is made by one MakeClosure
// only: the variable (an *ssa.Alloc) for a captured local variable.
// Otherwise nil.
func Binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	refs := fn.Referrers()
	if idx < 0 || refs == nil {
		return nil
	}
	var bound ssa.Value
	for _, in := range *refs {
		mc, ok := in.(*ssa.MakeClosure)
		if !ok || mc.Fn != fn || bound != nil || idx >= len(mc.Bindings) {
			return nil
		}
		bound = mc.Bindings[idx]
	}
	return bound
}
