// Command toctou runs the toctou analyzers.
//
// It is one binary with three faces:
//
//	toctou [-flags] ./...                  standalone checker (text, -json, -sarif, -fix, -diff)
//	go vet -vettool=$(which toctou) ./...  as go vet's analysis tool, with go vet's own checks
//	go fix -fixtool=$(which toctou) ./...  as go fix's tool, applying suggested fixes
//
// Select passes with -NAME (for example -pathrace); with none selected,
// every pass that is on by default runs. A pass that is off by default
// runs only when selected by name, or added with -enable=NAME; -disable
// removes passes from the default set. See docs/checks for the checks,
// and "toctou help".
//
// As go vet's tool, it also runs the analyzers go vet runs by default
// (golang.org/x/tools/go/analysis/suite/vet: printf, copylocks, ...), so
// that choosing -vettool=toctou loses none of them; -vetsuite=false leaves
// them out. The standalone checker and go fix run toctou's checks only.
//
// The standalone checker (standalone.go) loads only the named packages
// from source; with -sarif it writes SARIF 2.1.0 to stdout instead of
// text. "toctou help", "toctou version" and go's -V=full question are
// answered here (help.go); with -fix or -diff the standalone checker
// applies the suggested fixes or prints them (fix.go). The rest of go
// vet's protocol goes to multichecker. A //toctou:ignore NAME reason
// comment on a line, or on the line above, suppresses NAME's findings
// there (docs/design.md).
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

func main() {
	args := os.Args[1:]
	if vetVersionRequested(args) {
		if err := printVetVersion(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "toctou:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if _, positional := splitArgs(args); len(positional) > 0 {
		switch positional[0] {
		case "help":
			os.Exit(helpMain(os.Stdout, suite(flag.NewFlagSet("toctou", flag.ContinueOnError), false), positional[1:]))
		case "version":
			printVersion(os.Stdout)
			os.Exit(0)
		}
	}
	if err := validateFlagCombination(argFlags(args)); err != nil {
		fmt.Fprintln(os.Stderr, "toctou:", err)
		os.Exit(2)
	}
	// When go vet wants only the facts of a library package (there are
	// none), the passes are wrapped to skip it (vetx.go).
	analyzers := suite(flag.CommandLine, libraryVetxOnly(args))
	if standaloneRequested(args) {
		os.Exit(standaloneMain(flag.CommandLine, analyzers, args))
	}
	// A bad flag: one line, not multichecker's list of every flag, which
	// go vet would print once per package.
	flag.CommandLine.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "run 'toctou -help' for the flags")
	}
	// Under go vet, go vet's own analyzers run too, unless -vetsuite=false
	// (vetsuite.go).
	analyzers = append(analyzers, vetSuite(flag.CommandLine, args)...)
	multichecker.Main(analyzers...) // go vet's protocol
}

// suite returns every pass of the table, honoring //toctou:ignore
// directives, and the directive checker (see package driver); the passes
// that are off by default are wrapped so that they run only when their
// -NAME flag selects them. With skipLibraries, the passes do nothing on
// library packages (driver.SkipLibraries).
func suite(flags *flag.FlagSet, skipLibraries bool) []*analysis.Analyzer {
	return driver.Analyzers(analyzer.Passes(), func(row analyzer.Pass, a *analysis.Analyzer) *analysis.Analyzer {
		a = checkedFlags(a)
		if !row.Default {
			a = optIn(a, flags)
		}
		if skipLibraries {
			a = driver.SkipLibraries(a)
		}
		return a
	})
}

// checkedFlags returns a copy of a whose flags refuse values that make no
// sense whatever the pass: a negative duration (-nodeadline.timeout=-1s).
// Every driver of this binary (standalone, go vet, go fix) parses the
// copy's flags, and so reports such a value as a bad flag (exit status 2).
func checkedFlags(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Flags = flag.FlagSet{}
	c.Flags.Init(a.Flags.Name(), flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) {
		c.Flags.Var(nonNegative(f.Value), f.Name, f.Usage)
	})
	return &c
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
