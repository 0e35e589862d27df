package pathrace

import (
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssakit"
)

// refuses reports whether ret, a return of its function, refuses: its
// last result is an error (seen through the result local a function with
// defers returns through, effects.Returned) that is neither nil nor the
// error of an operation the function ran (operationError). The one answer
// to "does the present side refuse?" that locks (failsIfPresent), the
// O_EXCL fix and rename-over-checked (takesExistingAsDone) share:
//
//	return errors.New("locked")       // refuses
//	return ErrExists                  // refuses (a sentinel)
//	return &ExistsError{Path: p}      // refuses
//	return newExistsError(p)          // refuses (a helper that makes one)
//	return nil                        // succeeds
//	return os.Remove(tmp)             // succeeds when the cleanup does
func refuses(ret *ssa.Return) bool {
	n := len(ret.Results)
	if n == 0 || !ssakit.IsError(ret.Results[n-1].Type()) {
		return false
	}
	v := effects.Returned(ret, n-1)
	return !effects.IsZeroConst(v) && !operationError(v)
}

// operationError reports whether v, a returned error, is the result of an
// operation the function ran (os.Remove, a Close or cleanup method), not
// an error it made to refuse: a call of an error constructor (errors.New,
// fmt.Errorf, a wrap of github.com/pkg/errors or x/xerrors, grpc's
// status.Error), of a function whose result is a concrete type that
// implements error (apierrors.NewAlreadyExists returns *StatusError), or
// of a function of the package whose every return makes such an error
// (madeError).
func operationError(v ssa.Value) bool {
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if call.Call.IsInvoke() {
		return true
	}
	return !errorConstructor(&call.Call, 0)
}

// errorConstructor reports whether call makes an error rather than
// running an operation that may fail.
func errorConstructor(call *ssa.CallCommon, depth int) bool {
	callee := ssakit.Callee(call)
	if callee == nil || callee.Pkg() == nil {
		return false
	}
	switch callee.Pkg().Path() {
	case "errors", "fmt", "github.com/pkg/errors", "golang.org/x/xerrors", "google.golang.org/grpc/status":
		return true
	}
	if res := call.Signature().Results(); res.Len() > 0 && ssakit.ImplementsError(res.At(res.Len()-1).Type()) {
		return true
	}
	fn, ok := call.Value.(*ssa.Function)
	return ok && madeError(fn, depth+1)
}

// madeError reports whether every return of fn, a function with a body
// (one of the analyzed package), gives an error it makes: a value of a
// concrete error type, a package-level variable (a sentinel), or the
// result of an error constructor. A function that can return nil or an
// operation's error is no constructor.
func madeError(fn *ssa.Function, depth int) bool {
	if depth > 3 || len(fn.Blocks) == 0 {
		return false
	}
	saw := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := effects.Returned(ret, len(ret.Results)-1)
		if !madeValue(v, depth) {
			return false
		}
		saw = true
	}
	return saw
}

// madeValue reports whether v is an error made by the function that
// returns it, as madeError says.
func madeValue(v ssa.Value, depth int) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return ssakit.ImplementsError(x.X.Type())
	case *ssa.UnOp:
		_, global := x.X.(*ssa.Global)
		return global
	case *ssa.Call:
		return !x.Call.IsInvoke() && errorConstructor(&x.Call, depth)
	}
	return false
}
