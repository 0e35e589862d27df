package pathflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A Model answers the path questions (SamePath, ParamOf) knowing, besides
// the tables of this package, which functions of the analyzed code return
// a cleaned or validated form of a parameter: a helper like
//
//	func cleanAndValidate(p string) (string, error) {
//		abs, err := filepath.Abs(p)
//		if err != nil || !strings.HasPrefix(abs, root) {
//			return "", errOutside
//		}
//		return filepath.Clean(p), nil
//	}
//
// keeps the path: its first result names the file its parameter names,
// wherever the caller uses it after testing the error. internal/effects
// computes that summary for every function of a package and exports it
// as a fact; a nil *Model knows only the tables.
type Model struct {
	// Cleans reports, for a call of fn, the index of the argument (the
	// receiver first, for a method) whose cleaned or validated form the
	// result at index result is.
	Cleans func(fn *types.Func, result int) (arg int, ok bool)
}

// SamePath reports whether a and b name the same path: SamePath's answer,
// or the same answer for the values a and b are cleaned forms of
// (filepath.Clean(p), filepath.Abs(p), a user's cleaner of p).
func (m *Model) SamePath(a, b ssa.Value) bool {
	if samePath(a, b, 0) {
		return true
	}
	ua, ub := m.Uncleaned(a), m.Uncleaned(b)
	return (ua != a || ub != b) && samePath(ua, ub, 0)
}

// ParamOf returns the parameter that v is, or is a cleaned form of, or
// nil.
func (m *Model) ParamOf(v ssa.Value) *ssa.Parameter {
	p, _ := m.Uncleaned(v).(*ssa.Parameter)
	return p
}

// Uncleaned returns the value that v is a cleaned form of, looking
// through conversions, the transparent path functions (filepath.Clean,
// Abs, FromSlash, ToSlash, path.Clean), the cleaners the model knows, and
// phis whose every edge is a cleaned form of one value; v itself when it
// is none of those.
func (m *Model) Uncleaned(v ssa.Value) ssa.Value {
	return m.uncleaned(v, 0)
}

func (m *Model) uncleaned(v ssa.Value, depth int) ssa.Value {
	for ; depth < maxDepth; depth++ {
		next := m.cleanedOf(v, depth)
		if next == nil {
			return v
		}
		v = next
	}
	return v
}

// cleanedOf returns the value v is one step of cleaning of, or nil.
func (m *Model) cleanedOf(v ssa.Value, depth int) ssa.Value {
	switch x := v.(type) {
	case *ssa.ChangeType:
		return x.X
	case *ssa.Extract: // filepath.Abs(p) and cleaners return (string, error)
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return m.cleanedArg(call, x.Index)
		}
	case *ssa.Call:
		return m.cleanedArg(x, 0)
	case *ssa.Phi:
		// p, or a cleaned form of p, on every edge (a loop's back edge
		// carrying the phi itself adds nothing).
		var root ssa.Value
		for _, e := range x.Edges {
			if e == x {
				continue
			}
			r := m.uncleaned(e, depth+1)
			if r == x {
				continue
			}
			if root != nil && r != root {
				return nil
			}
			root = r
		}
		return root
	}
	return nil
}

// CleanerArg returns the argument that v, a result of a call of one of
// the analyzed code's own cleaners (the helpers the model knows, not the
// library's transparent path functions), is a cleaned or validated form
// of; or nil. It is one step of Uncleaned, for a pass that follows the
// library's path functions its own way (tempname's name evaluator).
func (m *Model) CleanerArg(v ssa.Value) ssa.Value {
	if m == nil || m.Cleans == nil {
		return nil
	}
	var call *ssa.Call
	result := 0
	switch x := v.(type) {
	case *ssa.Extract:
		call, _ = x.Tuple.(*ssa.Call)
		result = x.Index
	case *ssa.Call:
		call = x
	}
	if call == nil || call.Call.IsInvoke() {
		return nil
	}
	return m.userCleanedArg(call, result)
}

// cleanedArg returns the argument of call whose cleaned form the result
// at index result is, or nil.
func (m *Model) cleanedArg(call *ssa.Call, result int) ssa.Value {
	if call.Call.IsInvoke() {
		return nil
	}
	if result == 0 && funcIn(transparentFuncs, &call.Call) && len(call.Call.Args) == 1 {
		return call.Call.Args[0]
	}
	if m == nil || m.Cleans == nil {
		return nil
	}
	return m.userCleanedArg(call, result)
}

// userCleanedArg is cleanedArg for the analyzed code's cleaners only.
func (m *Model) userCleanedArg(call *ssa.Call, result int) ssa.Value {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok {
		return nil
	}
	if i, ok := m.Cleans(fn, result); ok && i < len(call.Call.Args) {
		return call.Call.Args[i]
	}
	return nil
}
