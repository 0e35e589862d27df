package lockfile

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/knowledge"
	"github.com/toctou/toctou/internal/ssakit"
)

// edge is what taking one edge of an if says about an acquisition.
type edge uint8

const (
	edgeOther    edge = iota // nothing
	edgeAcquired             // the caller now holds the lock
	edgeFailed               // the acquisition did not succeed
	edgeHeld                 // it did not, because the file exists
	edgeNotHeld              // whatever the outcome, the file was not found existing
)

// edges returns what each edge of an if on cond says about s.
func (s *site) edges(cond ssa.Value) (onTrue, onFalse edge) { return s.edgesDepth(cond, 0) }

// edgesDepth is edges, with a bound on the negations it looks through.
func (s *site) edgesDepth(cond ssa.Value, depth int) (edge, edge) {
	if depth > 4 {
		return edgeOther, edgeOther
	}
	if s.ok != nil && cond == s.ok {
		return edgeAcquired, edgeFailed
	}
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			t, f := s.edgesDepth(c.X, depth+1)
			return f, t
		}
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			break
		}
		x, y := c.X, c.Y
		if ssakit.IsNil(x) {
			x, y = y, x
		}
		var onEqual, onDiffer edge
		switch {
		case ssakit.IsNil(y) && s.isErr(x):
			onEqual, onDiffer = edgeOther, edgeFailed
			if s.ok == nil {
				onEqual = edgeAcquired // the error alone says whether it acquired
			}
		case s.isErr(x) && isErrno(y, "EEXIST"), s.isErr(y) && isErrno(x, "EEXIST"):
			onEqual, onDiffer = edgeHeld, edgeNotHeld
		default:
			return edgeOther, edgeOther
		}
		if c.Op == token.EQL {
			return onEqual, onDiffer
		}
		return onDiffer, onEqual
	case *ssa.Call:
		if s.isExistTest(&c.Call) {
			return edgeHeld, edgeNotHeld
		}
	}
	return edgeOther, edgeOther
}

// isErr reports whether v is the acquisition's error: the result itself,
// or a load of the variable it was just stored to (a named result, or a
// variable a closure captures).
func (s *site) isErr(v ssa.Value) bool {
	if s.err == nil || v == nil {
		return false
	}
	if v == s.err {
		return true
	}
	if c, ok := v.(*ssa.ChangeInterface); ok {
		return s.isErr(c.X)
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	if _, ok := load.X.(*ssa.Alloc); !ok {
		return false
	}
	return lastStored(load) == s.err
}

// lastStored returns the value last stored to the address a load reads,
// earlier in the load's block, or nil.
func lastStored(load *ssa.UnOp) ssa.Value {
	instrs := load.Block().Instrs
	for i := len(instrs) - 1; i >= 0; i-- {
		if instrs[i] != load {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if st, ok := instrs[j].(*ssa.Store); ok && st.Addr == load.X {
				return st.Val
			}
			if _, ok := instrs[j].(ssa.CallInstruction); ok {
				return nil // a call may store to a captured variable
			}
		}
		return nil
	}
	return nil
}

// isExistTest reports whether call is os.IsExist(err) or
// errors.Is(err, fs.ErrExist) (or os.ErrExist, or an EEXIST errno) of the
// acquisition's error.
func (s *site) isExistTest(call *ssa.CallCommon) bool {
	if v, ok := ssakit.SentinelTest(call, "Exist"); ok {
		return s.isErr(v)
	}
	return ssakit.QualifiedName(ssakit.Callee(call)) == "errors.Is" && len(call.Args) == 2 &&
		s.isErr(call.Args[0]) && isErrno(call.Args[1], "EEXIST")
}

// isErrno reports whether v is the syscall or x/sys/unix errno constant
// name (EEXIST), as an error.
func isErrno(v ssa.Value, name string) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil {
		return false
	}
	named, ok := types.Unalias(k.Type()).(*types.Named)
	if !ok || named.Obj().Name() != "Errno" || named.Obj().Pkg() == nil {
		return false
	}
	pkg := named.Obj().Pkg()
	if pkg.Path() != "syscall" && pkg.Path() != "golang.org/x/sys/unix" {
		return false
	}
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	return ok && constant.Compare(c.Val(), token.EQL, k.Value)
}

// noReturnCall returns the call before a panic when the panic is the one
// the SSA builder puts after a call that cannot return (os.Exit,
// log.Fatal), or nil.
func noReturnCall(p *ssa.Panic) *ssa.Call {
	mi, ok := p.X.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	k, ok := mi.X.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String || constant.StringVal(k.Value) != "noreturn" {
		return nil
	}
	instrs := p.Block().Instrs
	for i := len(instrs) - 1; i > 0; i-- {
		if instrs[i] == p {
			for j := i - 1; j >= 0; j-- {
				if c, ok := instrs[j].(*ssa.Call); ok {
					return c
				}
			}
		}
	}
	return nil
}

// exitsProcess reports whether call ends the process without running
// deferred calls, by the one stop predicate (ssabuild.SSA.Ending):
// internal/knowledge's exits table (os.Exit, syscall.Exit, log.Fatal and
// the Fatal methods of log.Logger, zap, logrus, klog and glog), and the
// analyzed code's helpers whose every path ends in one, in this package
// and, through effects' facts, in others.
func (st *state) exitsProcess(call *ssa.Call) bool {
	return st.prog.Ending(ssakit.Callee(&call.Call)) == knowledge.ExitsProcess
}
