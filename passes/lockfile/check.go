package lockfile

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// checkFunc reports the lock files of fn that leak, and the held locks
// it reports with an error that names no file.
func (st *state) checkFunc(fn *ssa.Function) {
	sites := st.acquisitions(fn)
	if len(sites) == 0 {
		return
	}
	fa := newFuncAnalysis(st, fn)
	for _, s := range sites {
		if s.direct && st.removedBefore(fn, s) {
			continue // a staging file, made fresh
		}
		sa := fa.analyzeSite(s)
		if !sa.evidence || sa.undecided {
			continue // a file created exclusively and kept is no lock
		}
		if s.direct && sa.renamedAway() {
			continue // a staging file, renamed into place: a lock is never renamed away
		}
		if st.keptRecord(fn, sa) {
			continue // a record kept on success: nothing else removes a file named so
		}
		var leaks []leak
		for _, l := range sa.exits {
			if sa.holder || fa.failureExit(l.exit) {
				leaks = append(leaks, l)
			}
		}
		st.reportLeaks(sa, leaks)
		for _, h := range sa.heldReturns() {
			st.reportOpaque(sa, h)
		}
		if reportStale && s.direct && s.handle != nil && !sa.writesContent() && !sa.recoversStale() {
			st.reportStale(sa)
		}
	}
}

// heldReturn is a return reached where the acquisition failed, and the
// opaque error it returns.
type heldReturn struct {
	ret   *ssa.Return
	what  string // how the message names the opaque error
	value ssa.Value
	held  bool // the code tested that the file exists
	bare  bool // the error is a sentinel (os.ErrExist), not the acquisition's own
}

// failState is one state of the walk over failed acquisitions.
type failState struct {
	b      *ssa.BasicBlock
	failed bool
	held   bool
}

// failWalk calls visit for every instruction on the paths from the
// acquisition on which it did not succeed; fs.failed says whether its
// failure is known there, fs.held whether the file was found existing.
func (sa *siteAnalysis) failWalk(visit func(instr ssa.Instruction, fs failState)) {
	s := sa.s
	start := s.call.Block()
	from := indexOf(start, s.call) + 1
	seen := map[failState]bool{}
	stack := []failState{{b: start}}
	for len(stack) > 0 {
		fs := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		first := from
		from = 0
	instrs:
		for i := first; i < len(fs.b.Instrs); i++ {
			instr := fs.b.Instrs[i]
			if instr == s.call {
				break // acquired again: a retry
			}
			visit(instr, fs)
			switch x := instr.(type) {
			case *ssa.If:
				t, f := s.edges(x.Cond)
				for k, e := range [2]edge{t, f} {
					n := fs
					n.b = fs.b.Succs[k]
					switch e {
					case edgeAcquired, edgeNotHeld:
						continue
					case edgeFailed:
						n.failed = true
					case edgeHeld:
						n.failed, n.held = true, true
					}
					if !seen[n] {
						seen[n] = true
						stack = append(stack, n)
					}
				}
				break instrs
			case *ssa.Jump:
				n := fs
				n.b = fs.b.Succs[0]
				if !seen[n] {
					seen[n] = true
					stack = append(stack, n)
				}
				break instrs
			}
		}
	}
}

// heldReturns returns the returns reached when the acquisition failed
// that give the caller an error naming no file.
func (sa *siteAnalysis) heldReturns() []heldReturn {
	if sa.errResult < 0 {
		return nil
	}
	var out []heldReturn
	seen := map[*ssa.Return]bool{}
	sa.failWalk(func(instr ssa.Instruction, fs failState) {
		ret, ok := instr.(*ssa.Return)
		if !ok || !fs.failed || seen[ret] || sa.errResult >= len(ret.Results) {
			return
		}
		seen[ret] = true
		v := returned(ret, sa.errResult)
		h := heldReturn{ret: ret, value: v, held: fs.held}
		switch {
		case ssakit.IsErrVar(v, "ErrExist"):
			h.what, h.bare, h.held = globalName(v), true, true
		case isErrno(v, "EEXIST"):
			h.what, h.bare, h.held = errnoName(v), true, true
		case sa.s.opaque && sa.s.isErr(v):
			h.what = "the unwrapped error of " + funcName(sa.s.callee)
		default:
			return
		}
		out = append(out, h)
	})
	return out
}

// globalName is how a message names a sentinel variable: os.ErrExist.
func globalName(v ssa.Value) string {
	g := v.(*ssa.UnOp).X.(*ssa.Global)
	return g.Object().Pkg().Name() + "." + g.Name()
}

// errnoName is how a message names an EEXIST errno constant.
func errnoName(v ssa.Value) string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	named := types.Unalias(v.Type()).(*types.Named)
	return named.Obj().Pkg().Name() + ".EEXIST"
}

// writesContent reports whether the lock file's handle is used for more
// than closing it: a pid or a time stamp written into it lets others tell
// a stale lock from a held one.
func (sa *siteAnalysis) writesContent() bool {
	for _, r := range *sa.s.handle.Referrers() {
		ci, ok := r.(ssa.CallInstruction)
		if !ok {
			return true // stored, converted, compared: something else knows it
		}
		if fn := ssakit.Callee(ci.Common()); fn != nil && fn.Name() == "Close" && fn.Pkg() != nil &&
			(fn.Pkg().Path() == "os" || fn.Pkg().Path() == "syscall" || fn.Pkg().Path() == "golang.org/x/sys/unix") {
			continue
		}
		return true
	}
	return false
}

// recoversStale reports whether the code that runs when the lock is held
// looks at the lock file (its age, its pid) or removes it: stale-lock
// recovery. Messages that only mention the path do not count.
func (sa *siteAnalysis) recoversStale() bool {
	found := false
	sa.failWalk(func(instr ssa.Instruction, fs failState) {
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || found || !fs.failed {
			return
		}
		if fn := ssakit.Callee(ci.Common()); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() {
			case "fmt", "log", "log/slog", "errors":
				return
			}
		}
		for _, a := range ci.Common().Args {
			if sa.s.path.matches(a) {
				found = true
			}
		}
	})
	return found
}
