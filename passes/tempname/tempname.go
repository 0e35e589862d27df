package tempname

import (
	_ "embed"
	"go/token"
	"strings"

	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/relevance"
)

//go:embed doc.go
var doc string

// Diagnostic categories: what makes the name predictable, or, for
// directories, that a directory is made at a predictable name.
const (
	ConstantTempPath   = "constant-temp-path"
	PidTempName        = "pid-temp-name"
	TimeTempName       = "time-temp-name"
	CounterTempName    = "counter-temp-name"
	UserTempName       = "user-temp-name"
	PredictableTempDir = "predictable-temp-dir"

	// DeveloperCode is the category of every finding in an example or
	// demo, a benchmark program, a test utility or a developer tool
	// (relevance.PackageRole): opt-in, shown with -tempname.all, or under
	// its own category with -tempname.tools.
	DeveloperCode = relevance.DeveloperCodeCategory
)

// Analyzer reports predictable names created in shared temporary
// directories.
var Analyzer = newAnalyzer()

// newAnalyzer builds the Analyzer with its flags.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "tempname",
		Doc:      analysisutil.MustExtractDoc(doc, "tempname"),
		URL:      "https://github.com/toctou/toctou/blob/main/docs/checks/tempname.md",
		Requires: []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:      analysisutil.Guard("tempname", run),
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests often use fixed names under /tmp on machines they own)")
	a.Flags.BoolVar(&includeTools, "tools", false, strings.ReplaceAll(relevance.ToolsFlagUsage, "NAME", "tempname"))
	return a
}

// includeTests is the -tempname.tests flag.
var includeTests bool

// includeTools is the -tempname.tools flag.
var includeTools bool

// state is the state of one run of the pass over one package.
type state struct {
	pass     *analysis.Pass
	cr       *effects.Creators    // the create sites and the filters that say a function owns the name
	syn      *analysisutil.Syntax // calls, files and source text, indexed on the first report
	fixIndex *fixutil.Index       // uses of imports, indexed per file on the first fix
}

// run reports the predictable creations of every function, with the
// create model and the summaries of internal/effects (Fact.Creates).
func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -tempname.tools
	}
	eff := pass.ResultOf[effects.Analyzer].(*effects.Result)
	if !fsops.Imports(pass.Pkg) && !eff.ImportsCreates() {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	st := &state{
		pass: pass,
		cr:   eff.NewCreators(res),
		syn:  analysisutil.NewSyntax(pass),
	}
	for _, fn := range res.Funcs() {
		st.checkFunc(fn)
	}
	return nil, nil
}

// reportable reports whether a finding at pos is shown: not in a
// generated file, and in a _test.go file only with -tempname.tests.
func (st *state) reportable(pos token.Pos) bool {
	return st.syn.Reportable(pos, includeTests)
}
