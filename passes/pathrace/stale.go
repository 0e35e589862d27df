package pathrace

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A staleTakeover is what absentOrStale found: the staleness test that
// lets a present path through to the create, and whether the path is
// removed on the way.
type staleTakeover struct {
	test    *ssa.If
	removes bool // a remove of the path runs between the staleness test and the create
}

// absentOrStale reports whether blk, a create of path, runs after the
// check c only where c found the path absent, or found it present and a
// staleness test let it through, the takeover of a stale lock:
//
//	if exists(lock) {
//		if !stale(lock) {
//			return errBusy
//		}
//	}
//	return os.WriteFile(lock, pid, 0o600)
//
// No single branch decides the write: the absent edge reaches it
// directly, and the present edge through the staleness test. Two
// processes that both find the lock absent, or both find it stale, both
// take it: in effect a create-if-absent. It requires an existence branch
// on c that dominates blk, whose absent edge reaches blk, and whose
// present edge reaches blk only through an if that
//   - tests the file: its condition is computed from c's FileInfo (other
//     than its kind, which absentOrKind judges: ModTime, Size), or from
//     a call that is passed the path, or the value the path is a field of
//     (stale(lock), pidAlive(readPid(lock)), b.lockFileIsExpired());
//   - refuses on one edge: that edge returns a non-nil error (the lock is
//     held) and never reaches blk, while the other edge reaches it.
//
// A fresh output file kept (return nil when up to date) is no refusal,
// and an option (if !force) is no test of the file: neither is reported.
func (s *funcState) absentOrStale(st *state, c *effects.CheckSite, u *effects.UseSite, uses []*effects.UseSite) (staleTakeover, bool) {
	blk := u.Instr.Block()
	for _, g := range s.presentGates(c, blk) {
		kt, kb := g.test, g.test.Block()
		r0, r1 := s.Br.Reaches(kb.Succs[0], kb, blk), s.Br.Reaches(kb.Succs[1], kb, blk)
		if r0 == r1 {
			continue
		}
		refuse := kb.Succs[0]
		if r0 {
			refuse = kb.Succs[1]
		}
		if !pathflow.ReturnsError(refuse) || !st.testsFile(c, u.Path, kt.Cond, 0) {
			continue
		}
		t := staleTakeover{test: kt}
		for _, r := range uses {
			if (r.Op == fsops.OpRemove || r.Op == fsops.OpRemoveAll) && st.paths.SamePath(r.Path, u.Path) &&
				onPath(s, r.Instr, g.check.Block(), g.present, u.Instr) {
				t.removes = true
			}
		}
		return t, true
	}
	return staleTakeover{}, false
}

// onPath reports whether instr runs on the way from succ (a successor of
// the check's block eb) to target: succ reaches it, and it reaches
// target, without passing eb again.
func onPath(s *funcState, instr ssa.Instruction, eb, succ *ssa.BasicBlock, target ssa.Instruction) bool {
	b := instr.Block()
	if b != succ && !s.Br.Reaches(succ, eb, b) {
		return false
	}
	if b == target.Block() {
		return ssakit.RunsBefore(instr, target)
	}
	return s.Br.Reaches(b, eb, target.Block())
}

// testsFile reports whether the if condition v is computed from the file
// c checked: from c's FileInfo (not its kind: a test of the mode or of
// IsDir is absentOrKind's), or from a call passed path, or passed the
// value path is a field of.
func (st *state) testsFile(c *effects.CheckSite, path, v ssa.Value, depth int) bool {
	if depth > 6 || v == nil {
		return false
	}
	if c.Info != nil {
		if mode, ok := effects.DerivesFrom(v, c.Info, 0); ok {
			if _, kind := notRegularEdge(v); mode || kind {
				return false
			}
			return true
		}
	}
	depth++
	switch v := v.(type) {
	case *ssa.Call:
		if _, ok := v.Call.Value.(*ssa.Builtin); !ok {
			holder := fieldHolder(st.paths.Uncleaned(path))
			args := v.Call.Args
			if v.Call.IsInvoke() {
				args = append([]ssa.Value{v.Call.Value}, args...)
			}
			for _, a := range args {
				if st.paths.SamePath(a, path) || (holder != nil && a == holder) {
					return true
				}
			}
		}
		for _, a := range v.Call.Args {
			if st.testsFile(c, path, a, depth) {
				return true
			}
		}
	case *ssa.UnOp:
		return st.testsFile(c, path, v.X, depth)
	case *ssa.BinOp:
		return st.testsFile(c, path, v.X, depth) || st.testsFile(c, path, v.Y, depth)
	case *ssa.Extract:
		return st.testsFile(c, path, v.Tuple, depth)
	case *ssa.ChangeType:
		return st.testsFile(c, path, v.X, depth)
	case *ssa.Convert:
		return st.testsFile(c, path, v.X, depth)
	}
	return false
}

// fieldHolder returns x when path is a load of the field x.f (b.lockFile),
// or nil.
func fieldHolder(path ssa.Value) ssa.Value {
	load, ok := path.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	if fa, ok := load.X.(*ssa.FieldAddr); ok {
		return fa.X
	}
	return nil
}
