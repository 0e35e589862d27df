package analysisutil

import (
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/fsops"
)

// Library reports whether the package with this path, in this module (nil
// if unknown), is library code for the passes: part of the standard
// library, or of a module dependency that has a version. The main module
// and the modules of a go.work workspace have none. Libraries are known
// through tables; the passes export no facts about them.
func Library(pkgPath string, module *analysis.Module) bool {
	if fsops.IsStdPath(pkgPath) && (module == nil || module.Path == "" || module.Path == "std") {
		return true
	}
	return module != nil && module.Version != ""
}
