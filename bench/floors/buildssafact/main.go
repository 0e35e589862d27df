// Command buildssafact is a reference floor: a standalone checker
// (multichecker) with one analyzer that requires the buildssa analyzer of
// golang.org/x/tools v0.52.0 and exports one fact of its own per package,
// the cost of a pass that carries facts between packages.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// funcsFact is the fact exported for each package: how many source
// functions it has.
type funcsFact struct{ Funcs int }

// AFact marks funcsFact as an analysis.Fact.
func (*funcsFact) AFact() {}

// String renders the fact in the checker's -debug=f output.
func (f *funcsFact) String() string { return "funcs" }

var analyzer = &analysis.Analyzer{
	Name:      "buildssafactfloor",
	Doc:       "buildssafactfloor: requires buildssa and exports one fact per package, a reference floor of the bench harness",
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(funcsFact)},
	Run:       run,
}

// run exports the package's fact.
func run(pass *analysis.Pass) (any, error) {
	ssa := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	pass.ExportPackageFact(&funcsFact{Funcs: len(ssa.SrcFuncs)})
	return nil, nil
}

func main() {
	multichecker.Main(analyzer)
}
