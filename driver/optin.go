package driver

import (
	"flag"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
)

// AllFlag is the name of the flag, -NAME.all, that a pass with opt-in
// categories gains in every driver: with it, the pass also reports the
// categories that are off by default (analyzer.Category.OptIn).
const AllFlag = "all"

// AllFlagUsage is the -NAME.all flag's usage text for a pass whose opt-in
// categories are names.
func AllFlagUsage(names []string) string {
	return "also report the categories that are off by default (" + strings.Join(names, ", ") +
		"): real in shape, but moot where the code runs (the pass's docs page says why)"
}

// withOptIn returns row's pass such that diagnostics of its opt-in
// categories are dropped unless its -NAME.all flag is set; a pass without
// opt-in categories is returned as it is. The copy has a flag set of its
// own (the pass's flags, then "all"), so that the original analyzer is
// not changed. The filter sits inside the suppression wrapper: a
// //toctou:ignore directive is not used up by a finding nobody asked for.
func withOptIn(row analyzer.Pass) *analysis.Analyzer {
	a := row.Analyzer
	optIn := row.OptInCategories()
	if len(optIn) == 0 {
		return a
	}
	c := *a
	c.Flags = flag.FlagSet{}
	a.Flags.VisitAll(func(f *flag.Flag) { c.Flags.Var(f.Value, f.Name, f.Usage) })
	all := c.Flags.Bool(AllFlag, false, AllFlagUsage(optIn))
	run := a.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		if *all {
			return run(pass)
		}
		filtered := *pass
		report := pass.Report
		filtered.Report = func(d analysis.Diagnostic) {
			if !slices.Contains(optIn, d.Category) {
				report(d)
			}
		}
		return run(&filtered)
	}
	return &c
}
