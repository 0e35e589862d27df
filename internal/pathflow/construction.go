package pathflow

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// MayNameSame reports whether a and b, path values of two different
// functions of one package, may name the same file: whether they are
// built the same way, from the same constants, globals and fields, by the
// same functions, out of parameters of the same types. It is the
// question "does any other function name the file this one created?"
// (a lock's release recomputes its acquisition's name; a record removed
// by listing its directory names it some other way).
//
// The answer leans towards yes: a part it cannot follow (a phi, a free
// variable, a map lookup) matches anything, and a parameter matches any
// parameter of the same type. It is no when the two are built
// differently at a part it can follow: a different function, constant,
// field or operator, or a parameter against a computed name.
func MayNameSame(a, b ssa.Value) bool { return mayNameSame(a, b, 0) }

func mayNameSame(a, b ssa.Value, depth int) bool {
	if depth > maxDepth {
		return true
	}
	depth++
	a, b = spelled(a, depth), spelled(b, depth)
	if a == b || untraced(a) || untraced(b) {
		return true
	}
	switch a := a.(type) {
	case *ssa.Const:
		b, ok := b.(*ssa.Const)
		return ok && (a.Value == nil) == (b.Value == nil) &&
			(a.Value == nil || a.Value.Kind() == b.Value.Kind() && constant.Compare(a.Value, token.EQL, b.Value))
	case *ssa.Parameter:
		b, ok := b.(*ssa.Parameter)
		return ok && types.Identical(a.Type(), b.Type())
	case *ssa.Global:
		return a == b
	case *ssa.BinOp:
		b, ok := b.(*ssa.BinOp)
		return ok && a.Op == b.Op && mayNameSame(a.X, b.X, depth) && mayNameSame(a.Y, b.Y, depth)
	case *ssa.Extract:
		b, ok := b.(*ssa.Extract)
		return ok && a.Index == b.Index && mayNameSame(a.Tuple, b.Tuple, depth)
	case *ssa.Field:
		b, ok := b.(*ssa.Field)
		return ok && sameFieldOf(a.X.Type(), a.Field, b.X.Type(), b.Field) && mayNameSame(a.X, b.X, depth)
	case *ssa.FieldAddr:
		b, ok := b.(*ssa.FieldAddr)
		return ok && sameFieldOf(a.X.Type(), a.Field, b.X.Type(), b.Field) && mayNameSame(a.X, b.X, depth)
	case *ssa.UnOp:
		b, ok := b.(*ssa.UnOp)
		return ok && a.Op == b.Op && mayNameSame(a.X, b.X, depth)
	case *ssa.Call:
		b, ok := b.(*ssa.Call)
		return ok && sameCall(&a.Call, &b.Call, depth)
	}
	return false
}

// spelled looks through what does not change a name: conversions, an
// interface made around it, a transparent call (filepath.Clean), and a
// local variable stored once.
func spelled(v ssa.Value, depth int) ssa.Value {
	for range maxDepth {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Call:
			if !funcIn(transparentFuncs, &x.Call) || len(x.Call.Args) == 0 {
				return v
			}
			v = x.Call.Args[0]
		case *ssa.UnOp:
			a, ok := x.X.(*ssa.Alloc)
			if x.Op != token.MUL || !ok {
				return v
			}
			stored := storedOnce(a, depth)
			if stored == nil {
				return v
			}
			v = stored
		default:
			return v
		}
	}
	return v
}

// untraced reports whether v is a value whose construction is not
// followed, which may therefore name anything.
func untraced(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.Global, *ssa.BinOp, *ssa.Extract, *ssa.Field, *ssa.FieldAddr:
		return false
	case *ssa.UnOp:
		return v.Op != token.MUL // a load is followed through its address
	case *ssa.Call:
		return false
	}
	return true
}

// sameFieldOf reports whether field i of the struct (or pointer to
// struct) type ta is field j of tb.
func sameFieldOf(ta types.Type, i int, tb types.Type, j int) bool {
	fa, fb := fieldVar(ta, i), fieldVar(tb, j)
	return fa != nil && fa == fb
}

// fieldVar returns field i of the struct, or pointer to struct, type t.
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// sameCall reports whether two calls may compute the same name: the same
// function or method, on arguments that may be the same.
func sameCall(a, b *ssa.CallCommon, depth int) bool {
	if a.IsInvoke() != b.IsInvoke() || len(a.Args) != len(b.Args) {
		return false
	}
	if a.IsInvoke() {
		if a.Method != b.Method || !mayNameSame(a.Value, b.Value, depth) {
			return false
		}
	} else {
		fa, fb := a.StaticCallee(), b.StaticCallee()
		if fa == nil || fb == nil {
			return true // a dynamic call: anything
		}
		if fa != fb && (fa.Object() == nil || fa.Object() != fb.Object()) {
			return false
		}
	}
	for i := range a.Args {
		ea, oka := VarargElems(a.Args[i])
		eb, okb := VarargElems(b.Args[i])
		if oka && okb {
			if len(ea) != len(eb) {
				return false
			}
			for k := range ea {
				if !mayNameSame(ea[k], eb[k], depth) {
					return false
				}
			}
			continue
		}
		if !mayNameSame(a.Args[i], b.Args[i], depth) {
			return false
		}
	}
	return true
}
