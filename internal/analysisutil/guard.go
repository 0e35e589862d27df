package analysisutil

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Guard wraps an analyzer's run function so that a panic inside it
// becomes an ordinary analysis error naming the pass and the package,
// instead of crashing the user's vet or lint run.
func Guard(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				result = nil
				err = fmt.Errorf("panic in toctou pass %s analyzing %s (please report it): %v\n%s",
					name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		return run(pass)
	}
}
