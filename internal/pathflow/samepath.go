// Package pathflow holds the SSA dataflow questions toctou's passes ask
// about paths: do two values name the same path, does a value come from a
// parameter, and does a branch decide whether an instruction runs.
package pathflow

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// maxDepth bounds the recursion of SamePath and friends; real path
// expressions are shallow, and a bound keeps pathological code cheap.
const maxDepth = 10

// pureFuncs are functions whose result depends only on their arguments, so
// two calls with the same arguments name the same path.
var pureFuncs = map[string]map[string]bool{
	"path/filepath": {"Join": true, "Clean": true, "FromSlash": true, "ToSlash": true, "Base": true, "Dir": true, "Ext": true},
	"path":          {"Join": true, "Clean": true, "Base": true, "Dir": true, "Ext": true},
	"fmt":           {"Sprintf": true, "Sprint": true},
	"strings":       {"Join": true, "TrimSpace": true, "TrimSuffix": true, "TrimPrefix": true, "ToLower": true},
}

// transparentFuncs return the same path in another spelling: a check of
// Clean(p) is a check of p.
var transparentFuncs = map[string]map[string]bool{
	"path/filepath": {"Clean": true, "FromSlash": true, "ToSlash": true, "Abs": true},
	"path":          {"Clean": true},
}

func funcIn(table map[string]map[string]bool, call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	if callee == nil {
		return false
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	return table[fn.Pkg().Path()][fn.Name()]
}

// SamePath reports whether a and b are the same value, or the same pure
// computation of the same values, and so name the same path.
func SamePath(a, b ssa.Value) bool { return samePath(a, b, 0) }

func samePath(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || depth > maxDepth {
		return false
	}
	depth++
	switch a := a.(type) {
	case *ssa.Const:
		b, ok := b.(*ssa.Const)
		return ok && a.Value != nil && b.Value != nil && a.Value.Kind() == b.Value.Kind() &&
			constant.Compare(a.Value, token.EQL, b.Value)
	case *ssa.BinOp:
		b, ok := b.(*ssa.BinOp)
		return ok && a.Op == b.Op && samePath(a.X, b.X, depth) && samePath(a.Y, b.Y, depth)
	case *ssa.ChangeType:
		b, ok := b.(*ssa.ChangeType)
		return ok && samePath(a.X, b.X, depth)
	case *ssa.Convert:
		b, ok := b.(*ssa.Convert)
		return ok && types.Identical(a.Type(), b.Type()) && samePath(a.X, b.X, depth)
	case *ssa.MakeInterface: // an argument of fmt.Sprintf
		b, ok := b.(*ssa.MakeInterface)
		return ok && samePath(a.X, b.X, depth)
	case *ssa.Extract:
		b, ok := b.(*ssa.Extract)
		return ok && a.Index == b.Index && samePath(a.Tuple, b.Tuple, depth)
	case *ssa.Field:
		b, ok := b.(*ssa.Field)
		return ok && a.Field == b.Field && samePath(a.X, b.X, depth)
	case *ssa.UnOp:
		b, ok := b.(*ssa.UnOp)
		if !ok || a.Op != b.Op {
			return false
		}
		if a.Op == token.MUL { // a load: same address, read twice
			return sameAddr(a.X, b.X, depth)
		}
		return samePath(a.X, b.X, depth)
	case *ssa.Call:
		b, ok := b.(*ssa.Call)
		if !ok || a.Call.IsInvoke() || b.Call.IsInvoke() ||
			a.Call.StaticCallee() == nil || a.Call.StaticCallee() != b.Call.StaticCallee() ||
			!funcIn(pureFuncs, &a.Call) || len(a.Call.Args) != len(b.Call.Args) {
			return false
		}
		for i := range a.Call.Args {
			if !sameArg(a.Call.Args[i], b.Call.Args[i], depth) {
				return false
			}
		}
		return true
	}
	return false
}

// sameArg compares call arguments, looking into the slices that the SSA
// builder makes for variadic calls (filepath.Join(dir, name)).
func sameArg(a, b ssa.Value, depth int) bool {
	if samePath(a, b, depth) {
		return true
	}
	ea, oka := VarargElems(a)
	eb, okb := VarargElems(b)
	if !oka || !okb || len(ea) != len(eb) {
		return false
	}
	for i := range ea {
		if !samePath(ea[i], eb[i], depth) {
			return false
		}
	}
	return true
}

// sameAddr reports whether two addresses are the same variable: the same
// global, the same field of the same pointer, or the same local that is
// stored to once.
func sameAddr(a, b ssa.Value, depth int) bool {
	if a == b {
		if alloc, ok := a.(*ssa.Alloc); ok {
			return storeCount(alloc) == 1
		}
		return true
	}
	switch a := a.(type) {
	case *ssa.FieldAddr:
		b, ok := b.(*ssa.FieldAddr)
		return ok && a.Field == b.Field && samePath(a.X, b.X, depth)
	case *ssa.IndexAddr:
		b, ok := b.(*ssa.IndexAddr)
		return ok && samePath(a.X, b.X, depth) && samePath(a.Index, b.Index, depth)
	}
	return false
}

func storeCount(v ssa.Value) int {
	n := 0
	for _, r := range *v.Referrers() {
		if s, ok := r.(*ssa.Store); ok && s.Addr == v {
			n++
		}
	}
	return n
}

// VarargElems returns the elements of a slice built by the SSA builder for
// a variadic call (new [n]T; stores to each element; slice it).
func VarargElems(v ssa.Value) ([]ssa.Value, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	ptr, ok := arr.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	at, ok := ptr.Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	elems := make([]ssa.Value, at.Len())
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i, ok := constant.Int64Val(idx.Value)
		if !ok || i < 0 || i >= int64(len(elems)) {
			return nil, false
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				if elems[i] != nil {
					return nil, false // stored twice: not the builder's shape
				}
				elems[i] = st.Val
			}
		}
	}
	for _, e := range elems {
		if e == nil {
			return nil, false
		}
	}
	return elems, true
}

// ParamOf returns the parameter that v is, or is a transparent respelling
// of (filepath.Clean(p), filepath.Abs(p), a conversion), or nil. It is
// (*Model)(nil).ParamOf: a Model also sees through the analyzed code's
// own cleaners.
func ParamOf(v ssa.Value) *ssa.Parameter {
	return (*Model)(nil).ParamOf(v)
}
