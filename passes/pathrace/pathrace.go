package pathrace

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/toctou/toctou/internal/analysisutil"
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

var Analyzer = &analysis.Analyzer{
	Name:     "pathrace",
	Doc:      analysisutil.MustExtractDoc(doc, "pathrace"),
	URL:      "https://github.com/toctou/toctou/blob/main/docs/checks/pathrace.md",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      analysisutil.Guard("pathrace", run),
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
