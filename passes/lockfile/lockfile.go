package lockfile

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/relevance"
)

//go:embed doc.go
var doc string

// Diagnostic categories.
const (
	// ReleasedOnSomePaths: a path out of the function leaves an acquired
	// lock file behind.
	ReleasedOnSomePaths = "released-on-some-paths"
	// OpaqueHeldError: a held lock surfaces as a bare "file already
	// exists" that names no file.
	OpaqueHeldError = "opaque-held-error"
	// StaleLockNoRecovery (off unless -lockfile.stale): nothing can tell
	// a lock left by a crashed holder from a held one.
	StaleLockNoRecovery = "stale-lock-no-recovery"
	// DeveloperCode is the category of every finding in an example or
	// demo, a benchmark program, a test utility or a developer tool
	// (relevance.PackageRole): opt-in, shown with -lockfile.all, or under its
	// own category with -lockfile.tools.
	DeveloperCode = relevance.DeveloperCodeCategory
)

// Analyzer reports lock files left behind on some paths, and held locks
// reported without their path.
var Analyzer = newAnalyzer()

// newAnalyzer builds the Analyzer and its flags.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "lockfile",
		Doc:       analysisutil.MustExtractDoc(doc, "lockfile"),
		URL:       "https://github.com/toctou/toctou/blob/main/docs/checks/lockfile.md",
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("lockfile", run),
		FactTypes: []analysis.Fact{new(LockFact)},
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests usually make lock files in directories they own)")
	a.Flags.BoolVar(&includeTools, "tools", false, strings.ReplaceAll(relevance.ToolsFlagUsage, "NAME", "lockfile"))
	a.Flags.BoolVar(&reportStale, "stale", false,
		"also report exclusive-create locks with no stale-lock recovery ("+StaleLockNoRecovery+")")
	return a
}

// includeTests is the -lockfile.tests flag.
var includeTests bool

// includeTools is the -lockfile.tools flag.
var includeTools bool

// reportStale is the -lockfile.stale flag.
var reportStale bool

// run summarizes the package's functions, exports their facts, and
// checks every function's lock files.
func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -lockfile.tools
	}
	if !fsops.Imports(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{
		pass:    pass,
		prog:    res,
		facts:   make(map[*types.Func]*LockFact),
		syn:     analysisutil.NewSyntax(pass),
		reports: make(map[reportKey]bool),
		paths:   pass.ResultOf[effects.Analyzer].(*effects.Result).Paths(),
	}
	st.summarize(res.CallGraph())
	st.exportFacts()
	for _, fn := range funcs {
		st.checkFunc(fn)
	}
	return nil, nil
}

// state is the state of one run of the pass over one package.
type state struct {
	pass    *analysis.Pass
	prog    *ssabuild.SSA             // its Ending is the stop predicate
	facts   map[*types.Func]*LockFact // summaries of this package's functions
	syn     *analysisutil.Syntax      // calls, returns, files and source text, indexed on the first report
	reports map[reportKey]bool
	paths   *pathflow.Model // which values are cleaned forms of a parameter (internal/effects)
}

// reportKey identifies one finding, so that none is reported twice.
type reportKey struct {
	at  token.Pos
	cat string
	acq *ssa.Call
}

// exportFacts publishes the summaries of exported functions and methods;
// other packages cannot call the rest.
func (st *state) exportFacts() {
	if fsops.IsStd(st.pass.Pkg) {
		return // the standard library is known through tables, never facts
	}
	for fn, f := range st.facts {
		if fn.Exported() && (f.Acquire != nil || len(f.Release) > 0) {
			st.pass.ExportObjectFact(fn, f)
		}
	}
}

// factOf returns what the analyzed code knows of fn: this package's
// summary, or a fact of its package. The standard library is known
// through fsops's table only.
func (st *state) factOf(fn *types.Func) *LockFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.facts[fn]
	}
	var f LockFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// reportable reports whether a finding at pos is shown: not in a
// generated file, and in a _test.go file only with -lockfile.tests.
func (st *state) reportable(pos token.Pos) bool {
	return st.syn.Reportable(pos, includeTests)
}
