// Package floor makes the do-nothing analyzers of the reference floors:
// each requires what a real pass would and reports nothing, so that a
// floor's cost is its driver's and its prerequisites' alone.
package floor

import "golang.org/x/tools/go/analysis"

// New returns an analyzer named name that requires requires and does
// nothing.
func New(name string, requires ...*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      name + ": a do-nothing analyzer, a reference floor of the bench harness",
		Requires: requires,
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
