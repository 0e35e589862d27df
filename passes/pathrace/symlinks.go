package pathrace

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// symlinkCheck returns the check a call of a function that refuses
// symbolic links in a path parameter makes (internal/effects'
// SymlinkCheck: it Lstats the path or each of its elements and returns an
// error on a link), or nil: a nil error says no link was there, which a
// later open of the path by name cannot rely on.
func (st *state) symlinkCheck(call *ssa.Call, callee *types.Func) *checkSite {
	f := st.eff.Of(callee)
	if f == nil || len(f.Symlinks) == 0 {
		return nil
	}
	res := ssakit.Results(call)
	if len(res) == 0 || res[len(res)-1] == nil {
		return nil
	}
	sc := f.Symlinks[0]
	if sc.Param >= len(call.Call.Args) {
		return nil
	}
	return &checkSite{call: call, callee: callee, kind: fsops.CheckLstat,
		path: call.Call.Args[sc.Param], err: res[len(res)-1], symlinks: true, components: sc.Components}
}

// symlinkMessages are SymlinkCheckThenOpen's messages after a helper that
// refuses symbolic links in the path itself, or in its components: for
// those, O_NOFOLLOW on the final open protects only the last one.
const (
	symlinkHelperMessage     = "%s %s by name after %s checked it for symbolic links; one can be planted there in between (open it with O_NOFOLLOW and check f.Stat(), or use os.Root)"
	symlinkComponentsMessage = "%s %s by name after %s checked its components for symbolic links; one can be replaced by a symbolic link in between (open it through os.Root, or component by component with O_NOFOLLOW and f.Stat())"
)
