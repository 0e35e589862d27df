package byname

import (
	_ "embed"
	"go/token"
	"go/types"
	"strings"

	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/relevance"
)

// doc is the text of doc.go, whose "# Analyzer byname" section is the
// Analyzer's Doc.
//
//go:embed doc.go
var doc string

// Diagnostic categories, one per kind of operation by name.
const (
	ChmodByName    = "chmod-by-name"
	ChownByName    = "chown-by-name"
	ChtimesByName  = "chtimes-by-name"
	TruncateByName = "truncate-by-name"
	StatByName     = "stat-by-name"
	// StatSizeOnly is a stat-by-name whose answer is used only for the
	// file's size, which no read of the handle is bounded by (sizeOnly).
	StatSizeOnly = "stat-size-only"
	// ChmodUnshared is a chmod-by-name of a file outside a shared
	// directory: the change lands on a file swapped in only when someone
	// else can replace entries of the directory, which the code shows of
	// the shared ones alone (pathrace's mode-if-present, the same answer).
	ChmodUnshared = "chmod-unshared"
	// PrivateDir is any of the above on a file in a directory that only
	// the program's own user or root can write, or that the function made
	// itself (pathflow.Roots): whoever can swap the name there can
	// already change the file.
	PrivateDir = "private-dir"
	// DeveloperCode is the category of every finding in an example or
	// demo, a benchmark program, a test utility or a developer tool
	// (relevance.PackageRole): opt-in, shown with -byname.all, or under its
	// own category with -byname.tools.
	DeveloperCode = relevance.DeveloperCodeCategory
)

// Analyzer reports operations by name on a file that is open.
var Analyzer = newAnalyzer()

// newAnalyzer builds the Analyzer and registers its flags.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "byname",
		Doc:      analysisutil.MustExtractDoc(doc, "byname"),
		URL:      "https://github.com/toctou/toctou/blob/main/docs/checks/byname.md",
		Requires: []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:      analysisutil.Guard("byname", run),
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests usually work in directories they own)")
	a.Flags.BoolVar(&includeTools, "tools", false, strings.ReplaceAll(relevance.ToolsFlagUsage, "NAME", "byname"))
	return a
}

// includeTests is the -byname.tests flag.
var includeTests bool

// includeTools is the -byname.tools flag.
var includeTools bool

// run analyzes one package: it reports the operations by name of every
// function on the files it opens (the openers of the analyzed code are
// internal/effects' summaries, Fact.Opens).
func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -byname.tools
	}
	eff := pass.ResultOf[effects.Analyzer].(*effects.Result)
	if !importsRelevant(pass.Pkg) && !eff.ImportsOpeners(pass.Pkg) {
		return nil, nil // no open and no operation by name can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{
		pass:    pass,
		openers: eff.NewOpeners(pass.Pkg),
		syn:     analysisutil.NewSyntax(pass),
		roots:   eff.Roots(res),
	}
	for _, fn := range funcs {
		st.checkFunc(fn)
	}
	return nil, nil
}

// importsRelevant reports whether pkg imports a package that opens files
// or acts on them by name.
func importsRelevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "os", "syscall", effects.UnixPath:
			return true
		}
	}
	return fsops.Imports(pkg)
}

// state is the state of one run of the pass over one package.
type state struct {
	pass    *analysis.Pass
	openers *effects.Openers     // opens, handles and never-returning calls (internal/effects)
	syn     *analysisutil.Syntax // calls and files, indexed on the first report
	roots   *pathflow.Roots      // who can write a path's directory, parameters read from their callers

	fixIndex *fixutil.Index // uses of imports and locals, indexed per file on the first fix
}

// reportable reports whether a finding at pos is shown: not in a
// generated file, and in a _test.go file only with -byname.tests.
func (st *state) reportable(pos token.Pos) bool {
	return st.syn.Reportable(pos, includeTests)
}

// demote moves d, a report of op, to the opt-in category private-dir
// when op's path lies in a directory no stranger can write, and a change
// of mode to chmod-unshared when the path is not in a shared directory:
// the relevance model's "who can race?" and "what does the race break?".
// A chmod that lands on a file swapped in is a race only someone who can
// replace entries of the directory wins, and the only directories the
// code shows others to write are the shared ones (pathrace asks the same
// of a chmod after a presence check, mode-if-present). A chown (a
// privileged process's act) and a truncate (data lost) stay on wherever
// they are, as do the stats.
func (st *state) demote(d *analysis.Diagnostic, op *opSite) {
	switch root := st.roots.RootOf(op.path, op.call); {
	case root.Private():
		d.Category = PrivateDir
		d.Message += "; " + root.WhoCanRace()
	case d.Category == ChmodByName && root != pathflow.SharedRoot:
		d.Category = ChmodUnshared
		d.Message += "; the file is not in a shared directory, so only who can already replace entries of its directory can race"
	}
}
