package pathrace

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// state is the state of one run of the pass over one package.
type state struct {
	pass  *analysis.Pass
	syn   *analysisutil.Syntax   // calls, files and source text, indexed on the first report
	paths *pathflow.Model        // same path and parameters, through the package's cleaners (internal/effects)
	eff   *effects.Result        // the effects summaries: cleaners, symbolic-link checks, checks and uses of parameters
	roots *pathflow.Roots        // who can write a path's directory, parameters read from their callers
	index func() *ssakit.Callers // the package's calls and stores of package-level variables, built on first use

	funcs   []*ssa.Function // the package's functions
	removes []removeAt      // their removes (packageRemoves), found on first use

	fixIndex *fixutil.Index // uses of imports, indexed per file on the first fix
	FS       *funcState     // the function being reported on, during its reports
}
