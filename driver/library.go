package driver

import (
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
)

// SkipLibraries returns a copy of a that does nothing on library packages:
// those of the standard library and of versioned module dependencies (the
// ones a driver reads from the module cache). The passes know libraries
// through tables and export facts only about the user's own code, so on a
// library package, which drivers analyze only to compute facts, their work
// would be thrown away. The golangci-lint plugin and the gopls build use
// it; the standalone checker analyzes exactly the packages it is given,
// and under go vet the tool does not even load library packages that it
// sees only as dependencies (cmd/toctou).
func SkipLibraries(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	run := a.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		if Library(pass.Pkg.Path(), pass.Module) {
			return nil, nil
		}
		return run(pass)
	}
	return &c
}

// Library reports whether the package with this path, in this module (nil
// if unknown), is library code for the passes: part of the standard
// library, or of a module dependency that has a version. The main module
// and the modules of a go.work workspace have none.
func Library(pkgPath string, module *analysis.Module) bool {
	return analysisutil.Library(pkgPath, module)
}
