package fsops

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// LockOp is what a call does to an advisory file lock.
type LockOp uint8

const (
	// NoLock: the call takes or drops no lock, or its mode is not a
	// constant.
	NoLock LockOp = iota
	// LockExclusive: it takes an exclusive (write) lock: flock(2) with
	// LOCK_EX, fcntl(2) F_SETLK(W) with F_WRLCK, gofrs/flock's Lock and
	// TryLock.
	LockExclusive
	// LockShared: it takes a shared (read) lock: LOCK_SH, F_RDLCK,
	// RLock. Other holders of a shared lock are not kept out.
	LockShared
	// LockRelease: it drops the lock: LOCK_UN, F_UNLCK, Unlock.
	LockRelease
)

// gofrsFlock are the methods of github.com/gofrs/flock's *Flock.
var gofrsFlock = map[string]LockOp{
	"Lock": LockExclusive, "TryLock": LockExclusive, "LockContext": LockExclusive, "TryLockContext": LockExclusive,
	"RLock": LockShared, "TryRLock": LockShared, "RLockContext": LockShared, "TryRLockContext": LockShared,
	"Unlock": LockRelease, "Close": LockRelease,
}

// LockCall says what a call does to an advisory file lock, and the value
// the lock is on: the *os.File whose Fd() the call is given (or the file
// descriptor itself when it comes from elsewhere), or the *flock.Flock.
// It knows syscall.Flock, golang.org/x/sys/unix.Flock, syscall and unix
// FcntlFlock (with a Flock_t whose Type the function sets to a constant),
// and github.com/gofrs/flock.
func LockCall(call *ssa.CallCommon, callee *types.Func) (LockOp, ssa.Value) {
	if callee == nil || callee.Pkg() == nil {
		return NoLock, nil
	}
	pkg := callee.Pkg()
	args := call.Args
	switch pkg.Path() {
	case "syscall", "golang.org/x/sys/unix":
		switch callee.Name() {
		case "Flock":
			how, ok := intConst(args, 1)
			if !ok {
				return NoLock, nil
			}
			switch {
			case how&constValue(pkg, "LOCK_UN") != 0:
				return LockRelease, lockedFile(args[0])
			case how&constValue(pkg, "LOCK_EX") != 0:
				return LockExclusive, lockedFile(args[0])
			case how&constValue(pkg, "LOCK_SH") != 0:
				return LockShared, lockedFile(args[0])
			}
		case "FcntlFlock":
			cmd, ok := intConst(args, 1)
			if !ok || len(args) < 3 || cmd == constValue(pkg, "F_GETLK") || cmd == constValue(pkg, "F_OFD_GETLK") {
				return NoLock, nil
			}
			typ, ok := flockType(args[2])
			if !ok {
				return NoLock, nil
			}
			switch typ {
			case constValue(pkg, "F_UNLCK"):
				return LockRelease, lockedFile(args[0])
			case constValue(pkg, "F_WRLCK"):
				return LockExclusive, lockedFile(args[0])
			case constValue(pkg, "F_RDLCK"):
				return LockShared, lockedFile(args[0])
			}
		}
	case "github.com/gofrs/flock":
		sig, _ := callee.Type().(*types.Signature)
		if sig == nil || sig.Recv() == nil || len(args) == 0 {
			return NoLock, nil
		}
		if op, ok := gofrsFlock[callee.Name()]; ok {
			return op, args[0]
		}
	}
	return NoLock, nil
}

// intConst returns the constant integer argument i.
func intConst(args []ssa.Value, i int) (int64, bool) {
	if i >= len(args) {
		return 0, false
	}
	return pathflow.ConstInt(args[i])
}

// lockedFile returns the *os.File whose descriptor fd is (fd is
// int(f.Fd()) or f.Fd()), or fd itself.
func lockedFile(fd ssa.Value) ssa.Value {
	call, ok := pathflow.Unconverted(fd).(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return fd
	}
	if fn := ssakit.Callee(&call.Call); fn != nil && fn.Name() == "Fd" && fn.Pkg() != nil && fn.Pkg().Path() == "os" {
		return call.Call.Args[0]
	}
	return fd
}

// flockType returns the constant a function stores into the Type field
// of the Flock_t lk points to, when it stores exactly one: into the field
// itself, or into the composite literal copied into lk.
func flockType(lk ssa.Value) (int64, bool) {
	var typ int64
	found := false
	allocs := []ssa.Value{lk}
	for i := 0; i < len(allocs) && i < 4; i++ {
		alloc, ok := allocs[i].(*ssa.Alloc)
		if !ok {
			return 0, false
		}
		for _, r := range *alloc.Referrers() {
			switch r := r.(type) {
			case *ssa.Store: // lk := unix.Flock_t{...}: the literal is built apart, then copied
				if load, ok := r.Val.(*ssa.UnOp); ok && r.Addr == alloc && load.Op == token.MUL {
					allocs = append(allocs, load.X)
				}
			case *ssa.FieldAddr:
				if ssakit.FieldName(r) != "Type" {
					continue
				}
				for _, fr := range *r.Referrers() {
					st, ok := fr.(*ssa.Store)
					if !ok || st.Addr != r {
						continue
					}
					v, ok := pathflow.ConstInt(st.Val)
					if !ok || found && v != typ {
						return 0, false
					}
					typ, found = v, true
				}
			}
		}
	}
	return typ, found
}
