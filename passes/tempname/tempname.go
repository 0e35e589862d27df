package tempname

import (
	_ "embed"
	"go/types"

	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
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
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
		Run:       analysisutil.Guard("tempname", run),
		FactTypes: []analysis.Fact{new(CreatesFact)},
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests often use fixed names under /tmp on machines they own)")
	return a
}

// includeTests is the -tempname.tests flag.
var includeTests bool

// state is the state of one run of the pass over one package.
type state struct {
	pass        *analysis.Pass
	eval        *evaluator
	creates     map[*types.Func]*CreatesFact
	privateDirs map[string]bool      // constant directories some function makes exclusively
	syn         *analysisutil.Syntax // calls, files and source text, indexed on the first report
}

// run summarizes the package's wrappers, exports their facts, and
// reports the predictable creations of every function.
func run(pass *analysis.Pass) (any, error) {
	if !fsops.Imports(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{
		pass:        pass,
		eval:        newEvaluator(funcs),
		creates:     make(map[*types.Func]*CreatesFact),
		privateDirs: make(map[string]bool),
		syn:         analysisutil.NewSyntax(pass),
	}
	for _, fn := range funcs {
		_, excls := st.sites(fn)
		var br pathflow.Branches
		for _, x := range excls {
			if d, ok := constText(x.segs); ok && x.dir && failureStops(x.instr, &br) {
				st.privateDirs[trimRightSlash(d)] = true
			}
		}
	}
	st.summarize(funcs)
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
