package main

// The -sarif mode of the standalone checker: the same analyzers and flags
// as multichecker (-NAME selects passes, -NAME.FLAG sets a pass's flag,
// -test includes test files), loaded with go/packages and run with
// golang.org/x/tools/go/analysis/checker, and the diagnostics written to
// stdout as SARIF 2.1.0 (internal/sarif). Exit codes: 0 when the analysis
// completed, with or without findings (like -json); 1 on load or analysis
// errors, which go to stderr; 2 for bad flags.

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/sarif"
)

// sarifRequested reports whether the command line asks for SARIF output
// (-sarif, --sarif or -sarif=true before a "--").
func sarifRequested(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			return false
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "sarif" {
			continue
		}
		if !hasValue {
			return true
		}
		on, err := strconv.ParseBool(value)
		return err == nil && on
	}
	return false
}

// triState is a -NAME selection flag as multichecker defines it: unset,
// set to true or set to false. Get is true only when set to true, which is
// what optIn asks.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string   { return strconv.FormatBool(*ts != setFalse) }
func (ts *triState) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false, got %q", s)
	}
	*ts = setFalse
	if on {
		*ts = setTrue
	}
	return nil
}

// sarifMain runs the analyzers on the packages named by args and writes
// SARIF to stdout; it returns the exit code.
func sarifMain(flags *flag.FlagSet, analyzers []*analysis.Analyzer, args []string) int {
	flags.Bool("sarif", false, "write the diagnostics as SARIF 2.1.0 to stdout")
	includeTests := flags.Bool("test", true, "indicates whether test files should be analyzed, too")
	selection := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		ts := new(triState)
		flags.Var(ts, a.Name, "enable "+a.Name+" analysis")
		selection[a] = ts
		a.Flags.VisitAll(func(f *flag.Flag) {
			flags.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	patterns := flags.Args()
	if len(patterns) == 0 {
		fmt.Fprintln(os.Stderr, "usage: toctou -sarif [-NAME ...] [-NAME.FLAG=value ...] packages")
		return 2
	}

	roots := selectAnalyzers(analyzers, selection)
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(roots) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Tests: *includeTests}, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	failed := packages.PrintErrors(pkgs) > 0

	graph, err := checker.Analyze(roots, pkgs, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	b := sarif.NewBuilder(root, toctouVersion(), analyzers, analyzer.Passes())
	for act := range graph.All() {
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", act, act.Err)
			failed = true
			continue
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			if err := b.Add(act.Package.Fset, act.Analyzer.Name, d); err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", act, err)
				failed = true
			}
		}
	}
	if failed {
		b.Failed()
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b.Log()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}

// selectAnalyzers applies multichecker's selection rule: with some -NAME
// set to true, only those; else with some set to false, all but those;
// else all.
func selectAnalyzers(all []*analysis.Analyzer, selection map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var on, notOff []*analysis.Analyzer
	for _, a := range all {
		switch *selection[a] {
		case setTrue:
			on = append(on, a)
			notOff = append(notOff, a)
		case unset:
			notOff = append(notOff, a)
		}
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

// needFacts reports whether an analyzer or one of its prerequisites uses
// facts; then every dependency must be loaded from source.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	queue := append([]*analysis.Analyzer(nil), analyzers...)
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		if seen[a] {
			continue
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		queue = append(queue, a.Requires...)
	}
	return false
}

// toctouVersion is the module version the binary was built from, or "".
func toctouVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return info.Main.Version
}
