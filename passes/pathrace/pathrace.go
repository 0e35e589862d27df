package pathrace

import (
	_ "embed"
	"strings"

	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/relevance"
)

//go:embed doc.go
var doc string

// Diagnostic categories, one per shape of race.
const (
	CreateIfAbsent       = "create-if-absent"
	ReadIfPresent        = "read-if-present"
	RemoveIfPresent      = "remove-if-present"
	MkdirIfAbsent        = "mkdir-if-absent"
	LinkIfAbsent         = "link-if-absent"
	RenameOverChecked    = "rename-over-checked"
	RenameIfPresent      = "rename-if-present"
	ModifyIfPresent      = "modify-if-present"
	SymlinkCheckThenOpen = "symlink-check-then-open"
	AccessThenOpen       = "access-then-open"
	// TimesIfPresent is a ModifyIfPresent that only sets the file's times
	// (os.Chtimes): the race moves the times of the file swapped in, and
	// changes no content, mode or owner (whatBreaks).
	TimesIfPresent = "times-if-present"
	// ModeIfPresent is a ModifyIfPresent that only changes the file's mode
	// (os.Chmod) outside a shared directory: the change lands on a file
	// swapped in only when someone else can replace entries of the
	// directory, which the code does not show (whatBreaks).
	ModeIfPresent = "mode-if-present"
	// SymlinkCheckThenRead is a SymlinkCheckThenOpen whose use only reads:
	// the race shows the target of a planted link to the program, which
	// crosses a boundary only when the program may read what the planter
	// may not (whatBreaks).
	SymlinkCheckThenRead = "symlink-check-then-read"
	// EmptyMarkerIfAbsent is a CreateIfAbsent of an empty marker outside
	// a shared directory: two creators make the same empty file
	// (whatBreaks).
	EmptyMarkerIfAbsent = "empty-marker-if-absent"
	// FixedContentIfAbsent is a CreateIfAbsent that writes the same
	// content in every run (a constant, a file embedded in the program)
	// outside a shared directory: two creators write the same bytes
	// (whatBreaks).
	FixedContentIfAbsent = "fixed-content-if-absent"
	// WriteIfAbsent is any other CreateIfAbsent outside a shared
	// directory that is no lock (isLock): its present branch goes on, or
	// the package keeps the file it makes; two creators both write it,
	// and the last one wins (whatBreaks).
	WriteIfAbsent = "write-if-absent"
	// PrivateDir is any of the shapes above in a directory that only the
	// program's own user or root can write, or that the function made
	// itself (privateRace).
	PrivateDir = "private-dir"
	// DeveloperCode is the category of every finding in an example or
	// demo, a benchmark program, a test utility or a developer tool
	// (relevance.PackageRole): opt-in, shown with -pathrace.all, or under its
	// own category with -pathrace.tools.
	DeveloperCode = relevance.DeveloperCodeCategory
)

var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "pathrace",
		Doc:      analysisutil.MustExtractDoc(doc, "pathrace"),
		URL:      "https://github.com/toctou/toctou/blob/main/docs/checks/pathrace.md",
		Requires: []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:      analysisutil.Guard("pathrace", run),
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests usually race only with themselves, in directories they own)")
	a.Flags.BoolVar(&includeTools, "tools", false, strings.ReplaceAll(relevance.ToolsFlagUsage, "NAME", "pathrace"))
	return a
}

// includeTests is the -pathrace.tests flag.
var includeTests bool

// includeTools is the -pathrace.tools flag.
var includeTools bool

func run(pass *analysis.Pass) (any, error) {
	if !includeTools {
		pass = relevance.DemoteDeveloperCode(pass) // developer-code, unless -pathrace.tools
	}
	eff := pass.ResultOf[effects.Analyzer].(*effects.Result)
	if !fsops.Imports(pass.Pkg) && !eff.ImportsPathSummaries() && !fsops.UsesFS(pass.Pkg, pass.TypesInfo) {
		return nil, nil // no file-system call can be in this package
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{
		pass:  pass,
		syn:   analysisutil.NewSyntax(pass),
		eff:   eff,
		roots: eff.Roots(res),
		index: res.Callers,
		funcs: funcs,
	}
	st.paths = st.eff.Paths()
	for _, fn := range funcs {
		st.checkFunc(fn)
	}
	return nil, nil
}
