package pathrace

import (
	_ "embed"
	"go/types"

	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
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
)

var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "pathrace",
		Doc:       analysisutil.MustExtractDoc(doc, "pathrace"),
		URL:       "https://github.com/toctou/toctou/blob/main/docs/checks/pathrace.md",
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("pathrace", run),
		FactTypes: []analysis.Fact{new(ExistsFact), new(UsesFact)},
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests usually race only with themselves, in directories they own)")
	return a
}

// includeTests is the -pathrace.tests flag.
var includeTests bool

func run(pass *analysis.Pass) (any, error) {
	if !fsops.Imports(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no file-system call can be in this package
	}
	funcs := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA).Funcs()
	st := &state{
		pass:   pass,
		exists: make(map[*types.Func]*ExistsFact),
		uses:   make(map[*types.Func]*UsesFact),
		syn:    analysisutil.NewSyntax(pass),
		eff:    pass.ResultOf[effects.Analyzer].(*effects.Result),
	}
	st.paths = st.eff.Paths()
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
	for fn, f := range st.exists {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
	for fn, f := range st.uses {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
}
