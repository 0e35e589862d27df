package partialwrite

import (
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// fileLocks are the exclusive file locks a function takes, and the calls
// that drop them where they stand (deferred releases run at the return:
// the lock is held until then).
type fileLocks struct {
	takes []lockTake
	drops []lockDrop
}

// lockTake is a call that takes an exclusive lock on target: an advisory
// lock (fsops.LockCall: flock, fcntl, gofrs/flock) on a file, descriptor
// or *flock.Flock, or a lock file created with O_EXCL (byPath: target is
// its path) that the function also removes.
type lockTake struct {
	call   *ssa.Call
	target ssa.Value
	byPath bool
}

// lockDrop is a call that drops the lock on target: an unlock, a Close of
// the locked *os.File (closing a file drops its flock), or the removal of
// a lock file.
type lockDrop struct {
	call   *ssa.Call
	target ssa.Value
	byPath bool
}

// locksOf collects the file locks of fn.
func locksOf(fn *ssa.Function) *fileLocks {
	fl := new(fileLocks)
	var excl []lockTake
	var removed []ssa.Value // paths removed, by a call or a defer
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := ci.Common()
			callee := ssakit.Callee(common)
			if callee == nil {
				continue
			}
			call, direct := ci.(*ssa.Call)
			switch op, target := fsops.LockCall(common, callee); op {
			case fsops.LockExclusive:
				if direct {
					fl.takes = append(fl.takes, lockTake{call: call, target: target})
				}
				continue
			case fsops.LockRelease:
				if direct {
					fl.drops = append(fl.drops, lockDrop{call: call, target: target})
				}
				continue
			}
			if direct && isFileMethod(callee) && callee.Name() == "Close" && len(common.Args) == 1 {
				fl.drops = append(fl.drops, lockDrop{call: call, target: common.Args[0]})
				continue
			}
			entry, ok := fsops.Lookup(callee)
			if !ok {
				continue
			}
			for _, pa := range entry.Paths {
				if pa.Index >= len(common.Args) {
					continue
				}
				path := common.Args[pa.Index]
				switch fsops.Classify(pa, common, callee) {
				case fsops.OpExclCreate:
					if direct {
						excl = append(excl, lockTake{call: call, target: path, byPath: true})
					}
				case fsops.OpRemove, fsops.OpRemoveAll:
					removed = append(removed, path)
					if direct {
						fl.drops = append(fl.drops, lockDrop{call: call, target: path, byPath: true})
					}
				}
			}
		}
	}
	// An exclusive create is a lock only when the function removes the
	// file again; one it keeps is a new file.
	for _, t := range excl {
		for _, p := range removed {
			if pathflow.SamePath(t.target, p) {
				fl.takes = append(fl.takes, t)
				break
			}
		}
	}
	return fl
}

// heldAcross reports whether one of the locks is taken before the read on
// every path to it and dropped on no path from there to the write: the
// read and the write run under one exclusive lock, which other instances
// of the program take too, so none of them updates the file in between.
func (fl *fileLocks) heldAcross(r *readSite, write ssa.Instruction) bool {
	for _, t := range fl.takes {
		if !ssakit.RunsBefore(t.call, r.call) && !lockedBeforeReading(t, r) {
			continue
		}
		dropped := false
		for _, d := range fl.drops {
			if d.byPath == t.byPath && sameLock(d.target, t.target) &&
				reachesAvoiding(t.call, d.call, nil) && reachesAvoiding(d.call, write, map[ssa.Instruction]bool{t.call: true}) {
				dropped = true
				break
			}
		}
		if !dropped {
			return true
		}
	}
	return false
}

// lockedBeforeReading reports whether t locks the very file r opened
// (os.Open, then flock of its descriptor) before anything reads from the
// handle: every call given the handle, other than its metadata methods
// (Fd, Stat) and the lock itself, runs after the lock.
func lockedBeforeReading(t lockTake, r *readSite) bool {
	if t.byPath || len(r.content) != 1 || t.target != r.content[0] || r.callee.Name() != "Open" {
		return false
	}
	uses := append([]ssa.Instruction(nil), *r.content[0].Referrers()...)
	for i := 0; i < len(uses); i++ {
		if mi, ok := uses[i].(*ssa.MakeInterface); ok { // io.ReadAll(f)
			uses = append(uses, *mi.Referrers()...)
			continue
		}
		ci, ok := uses[i].(ssa.CallInstruction)
		if !ok || ci == ssa.CallInstruction(t.call) || fileMetaMethod(ci.Common()) {
			continue
		}
		if !ssakit.RunsBefore(t.call, ci) {
			return false
		}
	}
	return true
}

// sameLock reports whether two values name one lock: the same file,
// descriptor, *flock.Flock or lock path.
func sameLock(a, b ssa.Value) bool { return a == b || pathflow.SamePath(a, b) }
