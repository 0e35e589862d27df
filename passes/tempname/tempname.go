package tempname

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"github.com/toctou/toctou/internal/fixutil"
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
		Name:      "tempname",
		Doc:       analysisutil.MustExtractDoc(doc, "tempname"),
		URL:       "https://github.com/toctou/toctou/blob/main/docs/checks/tempname.md",
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("tempname", run),
		FactTypes: []analysis.Fact{new(CreatesFact)},
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
	pass      *analysis.Pass
	ssa       *ssabuild.SSA
	prod, all *view // the package as non-test code sees it, and with its test code
	*view           // the one for the function at hand (sites)
	creates   map[*types.Func]*CreatesFact
	syn       *analysisutil.Syntax // calls, files and source text, indexed on the first report
	fixIndex  *fixutil.Index       // uses of imports, indexed per file on the first fix
	funcs     map[*ssa.Function]*funcIndex
}

// view is what the package's code does with its variables and
// directories, as one function sees it: findings in non-test files must
// not depend on test files (ssabuild.TestCode).
type view struct {
	eval        *evaluator
	privateDirs map[string]bool // constant directories some function makes exclusively
}

// enter makes the view of fn's code the current one. The package
// initializer, whose code comes from every file, gets the non-test view.
func (st *state) enter(fn *ssa.Function) {
	st.view = st.prod
	if st.ssa.TestFunc(fn) {
		st.view = st.all
	}
}

// run summarizes the package's wrappers, exports their facts, and
// reports the predictable creations of every function.
func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -tempname.tools
	}
	if !fsops.Imports(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	// What the package does with its variables and which directories it
	// makes: as seen by non-test code, for findings in non-test files, and
	// by all code, for findings in test files (ssabuild.TestCode).
	prod := &view{eval: newEvaluator(funcs, nil), privateDirs: make(map[string]bool)}
	all := prod
	paths := pass.ResultOf[effects.Analyzer].(*effects.Result).Paths()
	prod.eval.paths = paths
	if res.HasTests() {
		prod.eval = newEvaluator(funcs, func(in ssa.Instruction) bool { return !res.TestCode(in) })
		prod.eval.paths = paths
		all = &view{eval: newEvaluator(funcs, nil), privateDirs: make(map[string]bool)}
		all.eval.paths = paths
	}
	st := &state{
		pass:    pass,
		ssa:     res,
		prod:    prod,
		all:     all,
		creates: make(map[*types.Func]*CreatesFact),
		syn:     analysisutil.NewSyntax(pass),
	}
	for _, fn := range funcs {
		_, excls := st.sites(fn)
		var br pathflow.Branches
		for _, x := range excls {
			if d, ok := constText(x.segs); ok && x.dir && failureStops(x.instr, &br) {
				all.privateDirs[trimRightSlash(d)] = true
				if !res.TestCode(x.instr) {
					prod.privateDirs[trimRightSlash(d)] = true
				}
			}
		}
	}
	st.summarize(res.CallGraph())
	st.exportFacts()
	for _, fn := range funcs {
		st.checkFunc(fn)
	}
	return nil, nil
}

// exportFacts publishes the summaries of exported functions; other
// packages cannot call the rest.
func (st *state) exportFacts() {
	if fsops.IsStd(st.pass.Pkg) {
		return // the standard library is known through tables, never facts
	}
	for fn, f := range st.creates {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
}

// reportable reports whether a finding at pos is shown: not in a
// generated file, and in a _test.go file only with -tempname.tests.
func (st *state) reportable(pos token.Pos) bool {
	return st.syn.Reportable(pos, includeTests)
}
