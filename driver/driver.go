// Package driver builds the list of analyzers that every toctou driver
// runs: the standalone binary and go vet's tool (cmd/toctou), the
// golangci-lint plugin (plugin/golangci) and the gopls build (tools/gopls).
//
// Each pass of the metadata table (analyzer.Passes) is copied and wrapped
// so that the categories the table marks opt-in are reported only when
// -NAME.all asks for them (docs/design.md, "The relevance model"), and
// //toctou:ignore directives suppress its diagnostics, and the
// directive checker "ignoredirective" is added after the passes; see
// docs/design.md, "Suppression". Building the list in one place is what
// makes the drivers report the same findings.
//
// The package is public because the gopls build, a different module,
// imports it; it is not meant for other programs.
package driver

import (
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/ignore"
)

// Gate wraps a pass once more after suppression, for instance to run it
// only when a flag selects it, or returns nil to leave the pass out.
type Gate func(row analyzer.Pass, a *analysis.Analyzer) *analysis.Analyzer

// Analyzers returns the analyzers for rows, in table order, each a copy of
// row.Analyzer honoring //toctou:ignore (and wrapped by gate, if not nil;
// left out where gate returns nil), followed by the directive checker,
// which runs after them. Directives may name any pass of rows.
func Analyzers(rows []analyzer.Pass, gate Gate) []*analysis.Analyzer {
	return build(rows, gate, true)
}

// build is Analyzers; without checkUnused, the directive checker does not
// require the passes and cannot report unused directives.
func build(rows []analyzer.Pass, gate Gate, checkUnused bool) []*analysis.Analyzer {
	names := make([]string, len(rows))
	for i, row := range rows {
		names[i] = row.Analyzer.Name
	}
	parser := ignore.NewParser(names)
	all := make([]*analysis.Analyzer, 0, len(rows)+1)
	for _, row := range rows {
		a := ignore.Wrap(withOptIn(row), parser)
		if gate != nil {
			a = gate(row, a)
		}
		if a != nil {
			all = append(all, a)
		}
	}
	var after []*analysis.Analyzer
	if checkUnused {
		after = all
	}
	return append(all, ignore.NewChecker(parser, after))
}

// CheckerName is the name of the directive checker, the one analyzer that
// Analyzers adds to the table's passes.
const CheckerName = ignore.CheckerName

// Entry is one analyzer with the metadata an editor integration needs.
type Entry struct {
	Analyzer *analysis.Analyzer
	Default  bool              // on unless the user's settings enable it
	Severity analyzer.Severity // how to present its diagnostics
}

// Entries returns the analyzers of analyzer.Passes() for an editor, with
// each analyzer's default and severity from the table; the directive
// checker is on by default with severity Warning. The gopls build calls it
// once, at start.
//
// Unlike Analyzers, the directive checker does not require the passes:
// gopls runs a disabled analyzer that an enabled one requires, and treats
// its diagnostics as an internal error. So an editor reports malformed
// directives but not unused ones.
func Entries() []Entry {
	rows := analyzer.Passes()
	// gopls runs the passes on dependencies for their facts; on library
	// packages they compute none.
	all := build(rows, func(_ analyzer.Pass, a *analysis.Analyzer) *analysis.Analyzer {
		return SkipLibraries(a)
	}, false)
	entries := make([]Entry, len(all))
	for i, a := range all {
		entries[i] = Entry{Analyzer: a, Default: true, Severity: analyzer.Warning}
		if i < len(rows) {
			entries[i].Default = rows[i].Default
			entries[i].Severity = rows[i].Severity
		}
	}
	return entries
}
