package pathrace

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// funcState holds what one function's analysis shares between questions:
// effects' (its branches, ifs, returns, which ifs decide a check) and
// pathrace's own.
type funcState struct {
	*effects.FuncState
	sameFile  map[*effects.CheckSite]bool // sameFileIdiom, by check
	removes   []removeAt                  // the function's removes, for removedAfter, on the first question
	removesOK bool
	reachTo   map[*ssa.BasicBlock][]bool // by block: the blocks that reach it along at least one edge
}

func newFuncState(fn *ssa.Function) *funcState {
	return &funcState{FuncState: effects.NewFuncState(fn), sameFile: make(map[*effects.CheckSite]bool)}
}

// sameFileIdiom is the package's sameFileIdiom, computed once per check.
func (s *funcState) sameFileIdiom(c *effects.CheckSite) bool {
	r, ok := s.sameFile[c]
	if !ok {
		r = sameFileIdiom(c)
		s.sameFile[c] = r
	}
	return r
}

// tolerates reports whether the code around a use already copes with the
// race the category names: the use's error is tested for the outcome the
// race produces (fs.ErrExist after an absence check, fs.ErrNotExist after
// a presence check), or the path is checked again after the use, so the
// earlier check is only a fast path. A remove or rename after a check of
// presence alone (not of the file's kind) is tolerated when its error is
// thrown away: the file gone in between gives the skip's outcome, and a
// replacement is what the use would have acted on without the check.
func (s *funcState) tolerates(u *effects.UseSite, cat string, d effects.Decision, checks []*effects.CheckSite) bool {
	var sentinel string
	switch cat {
	case MkdirIfAbsent, LinkIfAbsent:
		sentinel = "Exist"
		for _, c := range checks {
			if pathflow.SamePath(c.Path, u.Path) && ssakit.RunsBefore(u.Instr, c.Call) {
				return true
			}
		}
	case RemoveIfPresent, RenameIfPresent:
		if !d.KindTest && errorDiscarded(u.Instr) {
			return true
		}
		sentinel = "NotExist"
	case ReadIfPresent, ModifyIfPresent:
		sentinel = "NotExist"
	default:
		return false
	}
	call, ok := u.Instr.(*ssa.Call)
	if !ok {
		return false
	}
	res := ssakit.Results(call)
	if len(res) == 0 {
		return false
	}
	err := res[len(res)-1]
	if err == nil || !ssakit.IsError(err.Type()) {
		return false
	}
	return sentinelTested(err, sentinel, 0)
}

// errorDiscarded reports whether the error a use returns is thrown away:
// a deferred or go call, a call statement, or an assignment to _.
func errorDiscarded(instr ssa.CallInstruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return true // defer and go discard results
	}
	res := ssakit.Results(call)
	if len(res) == 0 || !ssakit.IsError(call.Call.Signature().Results().At(len(res)-1).Type()) {
		return false
	}
	err := res[len(res)-1]
	if err == nil {
		return true // never extracted from the result tuple
	}
	refs := err.Referrers()
	return refs == nil || len(*refs) == 0
}

// isSentinelHelperTest reports whether call is a project's own wrapper of
// os.IsXXX applied to err, for XXX = which: a package-level func(error) bool
// named IsXXX or isXXX, like hugo's herrors.IsNotExist, which also looks
// through one level of wrapping. It only serves to recognise a use whose
// error is tested; checks are still recognised by os and errors alone.
func isSentinelHelperTest(call *ssa.CallCommon, err ssa.Value, which string) bool {
	fn := ssakit.Callee(call)
	if fn == nil || (fn.Name() != "Is"+which && fn.Name() != "is"+which) {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil &&
		sig.Params().Len() == 1 && ssakit.IsError(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && ssakit.IsBool(sig.Results().At(0).Type()) &&
		len(call.Args) == 1 && call.Args[0] == err
}
