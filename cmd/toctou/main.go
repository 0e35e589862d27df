// Command toctou runs the toctou analyzers.
//
// It is one binary with three faces:
//
//	toctou [-flags] ./...                  standalone checker (text, -json, -fix, -diff)
//	go vet -vettool=$(which toctou) ./...  as go vet's analysis tool
//	go fix -fixtool=$(which toctou) ./...  as go fix's tool, applying suggested fixes
//
// Select passes with -NAME (for example -pathrace); with none selected,
// every pass that is on by default runs. A pass that is off by default
// runs only when selected by name. See docs/checks for the checks.
package main

import (
	"flag"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/toctou/toctou/analyzer"
)

func main() {
	multichecker.Main(suite(flag.CommandLine)...)
}

// suite returns every pass of the table; those that are off by default
// are wrapped so that they run only when their -NAME flag selects them.
func suite(flags *flag.FlagSet) []*analysis.Analyzer {
	var all []*analysis.Analyzer
	for _, row := range analyzer.Passes() {
		a := row.Analyzer
		if !row.Default {
			a = optIn(a, flags)
		}
		all = append(all, a)
	}
	return all
}

// optIn returns a copy of a whose Run does nothing unless the selection
// flag the drivers register for it (-NAME, on flags) was set to true.
// The copy keeps a's name, flags, facts and requirements, so go vet's
// flag protocol and the facts of other passes are unchanged.
func optIn(a *analysis.Analyzer, flags *flag.FlagSet) *analysis.Analyzer {
	c := *a
	run := a.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		if !selected(flags, a.Name) {
			return nil, nil
		}
		return run(pass)
	}
	return &c
}

// selected reports whether the flag name was set to true. The drivers'
// selection flags are tri-state: String reports "true" even when unset, so
// ask the flag.Getter, whose Get is true only when set to true.
func selected(flags *flag.FlagSet, name string) bool {
	f := flags.Lookup(name)
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	return ok && g.Get() == true
}
