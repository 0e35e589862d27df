package blindretry

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// mode is what an exploration assumes about the operation's outcome.
type mode uint8

const (
	failGeneric mode = iota // it failed with an error no specific test matches
	failTimeout             // it failed with a timeout
	succeeded               // it returned a nil error
	// failRetryable: it failed with an error that a retryable-error
	// predicate of the code's own may match (a timeout, a reset
	// connection): both edges of such a test are possible.
	failRetryable
)

// errTest is what an if condition tests about the operation's error.
type errTest uint8

const (
	notErrTest  errTest = iota // the condition does not consult the error
	nilTest                    // err != nil or err == nil
	timeoutTest                // a timeout test (or a step of one): errors.Is(err, context.DeadlineExceeded)
	otherTest                  // another predicate on the error; a generic error does not match it
	unknownTest                // computed from the error in a way whose polarity we cannot tell
)

// errFlow follows one operation's error through a function: the values
// that are the error (it and the phis that merge it) and the tests on it.
type errFlow struct {
	aliases map[ssa.Value]bool
}

// newErrFlow collects the values that are err: err itself and the phis
// and interface changes that carry it.
func newErrFlow(err ssa.Value) *errFlow {
	f := &errFlow{aliases: map[ssa.Value]bool{err: true}}
	queue := []ssa.Value{err}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			var next ssa.Value
			switch r := r.(type) {
			case *ssa.Phi:
				next = r
			case *ssa.ChangeInterface:
				next = r
			}
			if next != nil && !f.aliases[next] {
				f.aliases[next] = true
				queue = append(queue, next)
			}
		}
	}
	return f
}

// test classifies an if condition. failOnTrue is meaningful for nilTest
// (the true edge is taken when the operation failed); for timeoutTest and
// otherTest, matchOnTrue says the true edge is taken when the predicate
// matches.
func (f *errFlow) test(v ssa.Value, depth int) (t errTest, onTrue bool) {
	if depth > 6 {
		return unknownTest, false
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.NOT {
			t, on := f.test(v.X, depth+1)
			return t, !on
		}
	case *ssa.BinOp:
		if v.Op != token.EQL && v.Op != token.NEQ {
			break
		}
		eq := v.Op == token.EQL
		x, y := v.X, v.Y
		if f.aliases[y] || ssakit.IsNil(x) {
			x, y = y, x
		}
		if f.aliases[x] {
			switch {
			case ssakit.IsNil(y):
				return nilTest, !eq // err != nil: true edge on failure
			case isTimeoutSentinel(y):
				return timeoutTest, eq
			}
			return otherTest, eq
		}
		if f.derives(x, 0) || f.derives(y, 0) {
			if isGRPCDeadline(x, y) || isGRPCDeadline(y, x) {
				return timeoutTest, eq
			}
			return otherTest, eq // code == 409, errors compared with a sentinel
		}
		return notErrTest, false
	case *ssa.Call:
		if !f.derives(v, 0) {
			return notErrTest, false
		}
		if isTimeoutCall(v) {
			return timeoutTest, true
		}
		return otherTest, true
	case *ssa.Extract:
		if ta, ok := v.Tuple.(*ssa.TypeAssert); ok && v.Index == 1 && f.derives(ta.X, 0) {
			if hasTimeoutMethod(ta.AssertedType) {
				return timeoutTest, true // the first step of err.(net.Error) ... Timeout()
			}
			return otherTest, true
		}
	}
	if f.derives(v, 0) {
		return unknownTest, false
	}
	return notErrTest, false
}

// derives reports whether v is computed from the error.
func (f *errFlow) derives(v ssa.Value, depth int) bool {
	if f.aliases[v] {
		return true
	}
	if depth > 8 || v == nil {
		return false
	}
	depth++
	switch v := v.(type) {
	case *ssa.Call:
		if v.Call.IsInvoke() && f.derives(v.Call.Value, depth) {
			return true
		}
		for _, a := range v.Call.Args {
			if f.derives(a, depth) {
				return true
			}
		}
		return false
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if a, ok := v.X.(*ssa.Alloc); ok && f.asTarget(a) {
				return true // var ne net.Error; errors.As(err, &ne); ne...
			}
		}
		return f.derives(v.X, depth)
	case *ssa.Extract:
		return f.derives(v.Tuple, depth)
	case *ssa.TypeAssert:
		return f.derives(v.X, depth)
	case *ssa.FieldAddr:
		return f.derives(v.X, depth)
	case *ssa.Field:
		return f.derives(v.X, depth)
	case *ssa.BinOp:
		return f.derives(v.X, depth) || f.derives(v.Y, depth)
	case *ssa.ChangeType:
		return f.derives(v.X, depth)
	case *ssa.Convert:
		return f.derives(v.X, depth)
	case *ssa.MakeInterface:
		return f.derives(v.X, depth)
	case *ssa.ChangeInterface:
		return f.derives(v.X, depth)
	}
	return false
}

// asTarget reports whether the variable a is the target of errors.As on
// the error.
func (f *errFlow) asTarget(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		mi, ok := r.(*ssa.MakeInterface)
		if !ok || mi.Referrers() == nil {
			continue
		}
		for _, rr := range *mi.Referrers() {
			call, ok := rr.(*ssa.Call)
			if !ok {
				continue
			}
			if fn := ssakit.Callee(&call.Call); isFunc(fn, "errors", "As") && len(call.Call.Args) == 2 &&
				f.derives(call.Call.Args[0], 7) {
				return true
			}
		}
	}
	return false
}

// isTimeoutCall reports whether call tests the error for a timeout:
// errors.Is(err, context.DeadlineExceeded) (or os.ErrDeadlineExceeded),
// os.IsTimeout(err), a Timeout() method of a value asserted from the
// error, or errors.As(err, &target) into a type with a Timeout method.
func isTimeoutCall(call *ssa.Call) bool {
	if call.Call.IsInvoke() {
		return call.Call.Method.Name() == "Timeout"
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	args := call.Call.Args
	switch {
	case isFunc(fn, "errors", "Is"):
		return len(args) == 2 && isTimeoutSentinel(args[1])
	case isFunc(fn, "os", "IsTimeout"):
		return true
	case isFunc(fn, "errors", "As"):
		if len(args) == 2 {
			if mi, ok := args[1].(*ssa.MakeInterface); ok {
				if p, ok := mi.X.Type().(*types.Pointer); ok {
					return hasTimeoutMethod(p.Elem())
				}
			}
		}
		return false
	}
	return fn.Name() == "Timeout" && ssakit.RecvName(fn) != ""
}

// isTimeoutSentinel reports whether v loads context.DeadlineExceeded or
// os.ErrDeadlineExceeded.
func isTimeoutSentinel(v ssa.Value) bool {
	if mi, ok := v.(*ssa.ChangeInterface); ok {
		v = mi.X
	}
	u, ok := isLoad(v)
	if !ok {
		return false
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Pkg == nil {
		return false
	}
	path := g.Pkg.Pkg.Path()
	return path == "context" && g.Name() == "DeadlineExceeded" ||
		(path == "os" || path == "io/fs") && g.Name() == "ErrDeadlineExceeded"
}

// isGRPCDeadline reports whether x is status.Code(err) and y the constant
// codes.DeadlineExceeded.
func isGRPCDeadline(x, y ssa.Value) bool {
	call, ok := x.(*ssa.Call)
	if !ok || !isFunc(ssakit.Callee(&call.Call), "google.golang.org/grpc/status", "Code") {
		return false
	}
	k, ok := y.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	v, exact := constant.Uint64Val(k.Value)
	return exact && v == 4 // codes.DeadlineExceeded
}

// hasTimeoutMethod reports whether t has a method Timeout() bool.
func hasTimeoutMethod(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Timeout")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && isBoolType(sig.Results().At(0).Type())
}

// isBoolType reports whether t is a boolean type.
func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// isFunc reports whether fn is the package-level function pkg.name.
func isFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && ssakit.RecvName(fn) == ""
}

// edges returns the successors of an if on cond that the mode allows.
func (f *errFlow) edges(i *ssa.If, m mode) []*ssa.BasicBlock {
	t, onTrue := f.test(i.Cond, 0)
	both := i.Block().Succs
	pick := func(trueEdge bool) []*ssa.BasicBlock {
		if trueEdge {
			return both[:1]
		}
		return both[1:2]
	}
	if m == failRetryable {
		if t == nilTest {
			return pick(onTrue)
		}
		return both
	}
	switch t {
	case nilTest:
		return pick(onTrue == (m != succeeded))
	case timeoutTest:
		switch m {
		case failTimeout:
			return pick(onTrue)
		default:
			return pick(!onTrue) // a generic error, and nil, are no timeouts
		}
	case otherTest:
		if m == succeeded {
			return both
		}
		return pick(!onTrue)
	case unknownTest:
		if m == succeeded {
			return both
		}
		return nil
	}
	return both
}

// A scope is where the operation's attempt ends: a retry loop, whose
// header starts the next attempt, or a callback, whose returns tell the
// retry helper whether to call it again.
type scope struct {
	loop *loop
	// again reports, for a callback, whether a return asks for another
	// attempt under the mode.
	again func(r *ssa.Return, m mode, f *errFlow) bool
}

// explore follows the control flow from the operation's block under a
// mode. retry: an attempt follows (the loop header is reached, or a
// return asks for another call). leave: the retry ends (a return, or a
// block outside the loop, is reached without passing the header).
func (f *errFlow) explore(start *ssa.BasicBlock, m mode, sc scope) (retry, leave bool) {
	seen := map[*ssa.BasicBlock]bool{}
	var stack []*ssa.BasicBlock
	push := func(bs ...*ssa.BasicBlock) {
		for _, b := range bs {
			if !seen[b] {
				seen[b] = true
				stack = append(stack, b)
			}
		}
	}
	l := sc.loop
	if l == nil || start != l.header {
		seen[start] = true
	}
	b := start
	for first := true; ; first = false {
		if !first {
			if len(stack) == 0 {
				return retry, leave
			}
			b = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		}
		if l != nil && !l.blocks[b] {
			leave = true
			continue
		}
		last := b.Instrs[len(b.Instrs)-1]
		if l != nil && b == l.header && !first {
			// The next attempt begins, unless the header itself tests
			// the error (for err != nil { ... }).
			hdr, isIf := last.(*ssa.If)
			t := notErrTest
			if isIf {
				t, _ = f.test(hdr.Cond, 0)
			}
			if t != nilTest {
				if m != succeeded {
					retry = true
				}
				continue
			}
			for _, s := range f.edges(hdr, m) {
				if m != succeeded && l.blocks[s] {
					retry = true
				} else if m == succeeded {
					push(s)
				}
			}
			continue
		}
		switch last := last.(type) {
		case *ssa.Return:
			if sc.again != nil && sc.again(last, m, f) {
				retry = true
			} else {
				leave = true
			}
		case *ssa.Jump:
			push(b.Succs[0])
		case *ssa.If:
			push(f.edges(last, m)...)
		}
	}
}

// nilness is what a returned error is under a mode.
type nilness uint8

const (
	nilUnknown nilness = iota
	isNil
	nonNil
)

// nilnessOf tells whether v, an error value returned after the operation,
// is nil under the mode.
func (f *errFlow) nilnessOf(v ssa.Value, m mode, depth int) nilness {
	if depth > 6 {
		return nilUnknown
	}
	depth++
	if f.aliases[v] {
		if m == succeeded {
			return isNil
		}
		return nonNil
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return isNil
		}
		return nonNil
	case *ssa.MakeInterface:
		if _, ok := v.X.(*ssa.Alloc); ok {
			return nonNil // &MyError{...}
		}
		if _, ok := v.X.Type().Underlying().(*types.Pointer); ok {
			return nilUnknown // a typed nil pointer is a non-nil error
		}
		return nonNil
	case *ssa.ChangeInterface:
		return f.nilnessOf(v.X, m, depth)
	case *ssa.ChangeType:
		return f.nilnessOf(v.X, m, depth)
	case *ssa.UnOp:
		if _, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return nonNil // a sentinel error variable
		}
		if stored := storedBefore(v); stored != nil {
			return f.nilnessOf(stored, m, depth) // a result slot of a function with defers
		}
	case *ssa.Call:
		fn := ssakit.Callee(&v.Call)
		switch {
		case isFunc(fn, "fmt", "Errorf"), isFunc(fn, "errors", "New"):
			return nonNil
		case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "github.com/pkg/errors" && len(v.Call.Args) > 0 &&
			(fn.Name() == "Wrap" || fn.Name() == "Wrapf" || fn.Name() == "WithStack" ||
				fn.Name() == "WithMessage" || fn.Name() == "WithMessagef"):
			return f.nilnessOf(v.Call.Args[0], m, depth)
		}
	}
	return nilUnknown
}

// boolUnder evaluates a boolean returned after the operation under the
// mode: a constant, or a nil test of the operation's error (err == nil).
func (f *errFlow) boolUnder(v ssa.Value, m mode) (val, known bool) {
	if k, ok := v.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool {
		return constant.BoolVal(k.Value), true
	}
	if t, onTrue := f.test(v, 0); t == nilTest {
		// onTrue: the value is true when the operation failed.
		return onTrue == (m != succeeded), true
	}
	return false, false
}

// storedBefore returns the value last stored, in the same block, into
// the local variable a load reads (return err in a function with defers
// stores err into the result slot, runs the defers, then loads it).
func storedBefore(load *ssa.UnOp) ssa.Value {
	if load.Op != token.MUL {
		return nil
	}
	if _, ok := load.X.(*ssa.Alloc); !ok {
		return nil
	}
	var last ssa.Value
	for _, instr := range load.Block().Instrs {
		if instr == load {
			return last
		}
		if st, ok := instr.(*ssa.Store); ok && st.Addr == load.X {
			last = st.Val
		}
	}
	return nil
}
