package partialwrite

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/relevance"
)

//go:embed doc.go
var doc string

// Diagnostic categories, one per shape of partial write.
const (
	ReadModifyWrite = "read-modify-write"
	RenameNoSync    = "rename-without-sync"
	RenameCrossDir  = "rename-across-dirs"
	// DeveloperCode is the category of every finding in an example or
	// demo, a benchmark program, a test utility or a developer tool
	// (relevance.PackageRole): opt-in, shown with -partialwrite.all, or under its
	// own category with -partialwrite.tools.
	DeveloperCode = relevance.DeveloperCodeCategory
)

// Analyzer reports writes that readers or a crash can observe half done.
var Analyzer = newAnalyzer()

// newAnalyzer builds the Analyzer with its flags.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "partialwrite",
		Doc:       analysisutil.MustExtractDoc(doc, "partialwrite"),
		URL:       "https://github.com/toctou/toctou/blob/main/docs/checks/partialwrite.md",
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("partialwrite", run),
		FactTypes: []analysis.Fact{new(WrapperFact)},
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests usually write files only they use, in directories they own)")
	a.Flags.BoolVar(&includeTools, "tools", false, strings.ReplaceAll(relevance.ToolsFlagUsage, "NAME", "partialwrite"))
	a.Flags.BoolVar(&includeReadModifyWrite, "rmw", true,
		"report read-modify-write of one file (category "+ReadModifyWrite+")")
	return a
}

// includeTests is the -partialwrite.tests flag.
var includeTests bool

// includeTools is the -partialwrite.tools flag.
var includeTools bool

// includeReadModifyWrite is the -partialwrite.rmw flag.
var includeReadModifyWrite bool

// run summarizes the package's wrappers, exports their facts, and checks
// every function written in the package.
func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -partialwrite.tools
	}
	if !fsops.Imports(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{pass: pass, wrappers: make(map[*types.Func]*WrapperFact), syn: analysisutil.NewSyntax(pass),
		paths: pass.ResultOf[effects.Analyzer].(*effects.Result).Paths()}
	st.summarize(res.CallGraph())
	st.exportFacts()
	for _, fn := range funcs {
		sites := st.sites(fn)
		if sites.empty() {
			continue
		}
		st.checkReadModifyWrite(fn, sites)
		st.checkRenames(fn, sites)
	}
	return nil, nil
}

// exportFacts publishes the summaries of exported functions; other
// packages cannot call the rest.
func (st *state) exportFacts() {
	if fsops.IsStd(st.pass.Pkg) {
		return // the standard library is known through tables, never facts
	}
	for fn, f := range st.wrappers {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
}

// state is the state of one run of the pass over one package.
type state struct {
	pass     *analysis.Pass
	wrappers map[*types.Func]*WrapperFact // this package's summaries
	syn      *analysisutil.Syntax         // calls, files and source text, indexed on the first report
	paths    *pathflow.Model              // which values are cleaned forms of a parameter (internal/effects)
}

// wrapperFact returns what the analyzed code knows of fn as a wrapper:
// from this package's summaries, or from a fact of its package. The
// standard library is known through tables only, so results do not depend
// on whether a driver computes facts for it.
func (st *state) wrapperFact(fn *types.Func) *WrapperFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.wrappers[fn]
	}
	var f WrapperFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// reportable reports whether a finding at pos is shown: not in a
// generated file, and in a _test.go file only with -partialwrite.tests.
func (st *state) reportable(pos token.Pos) bool {
	return st.syn.Reportable(pos, includeTests)
}
