package pathrace

import (
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
)

// sentinelTested reports whether err is tested for the sentinel (os.IsXXX,
// errors.Is(err, fs.ErrXXX), a project's IsXXX), directly or after a phi
// merges it with other errors of the function, as in
//
//	_, err := fsys.Stat(p)
//	if err == nil {
//		err = fsys.Remove(p)
//	}
//	if err != nil && !os.IsNotExist(err) {
//		return err
//	}
//
// where the test covers the use's error on the path the use ran.
func sentinelTested(err ssa.Value, sentinel string, depth int) bool {
	refs := err.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Call:
			if effects.IsSentinelTest(&r.Call, err, sentinel) || isSentinelHelperTest(&r.Call, err, sentinel) {
				return true
			}
		case *ssa.Phi:
			if depth < 2 && sentinelTested(r, sentinel, depth+1) {
				return true
			}
		}
	}
	return false
}
