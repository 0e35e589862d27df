package pathflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// ReturnsError reports whether b reaches, through blocks that only jump,
// a return whose last result is an error that is never nil (NonNilError):
// the edge of a branch that refuses ("the lock is held", "a symbolic
// link").
//
// In a function with deferred calls, or with named results, a return
// stores its results in locals and loads them back: the stores on the
// way are followed.
func ReturnsError(b *ssa.BasicBlock) bool {
	stored := make(map[ssa.Value]ssa.Value) // result local -> value stored on the way
	for range 8 {
		if len(b.Instrs) == 0 {
			return false
		}
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				stored[st.Addr] = st.Val
			}
		}
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			if len(last.Results) == 0 {
				return false
			}
			v := last.Results[len(last.Results)-1]
			if !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
				return false
			}
			if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
				if sv, ok := stored[load.X]; ok {
					v = sv
				}
			}
			return NonNilError(v, 0)
		case *ssa.Jump:
			b = b.Succs[0]
		default:
			return false
		}
	}
	return false
}

// NonNilError reports whether the error v is never nil: a value of a
// concrete type converted to error (&fs.PathError{...}), the result of
// errors.New or fmt.Errorf, a package-level error variable (a sentinel
// such as os.ErrExist), or a phi of those.
func NonNilError(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.UnOp:
		_, global := v.X.(*ssa.Global)
		return global && v.Op == token.MUL
	case *ssa.Call:
		return funcIn(errorMakers, &v.Call)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !NonNilError(e, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// errorMakers return a new non-nil error.
var errorMakers = map[string]map[string]bool{
	"errors": {"New": true},
	"fmt":    {"Errorf": true},
}
