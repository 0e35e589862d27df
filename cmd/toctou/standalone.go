package main

// The standalone checker: "toctou [-json|-sarif] [-c N] [-test=false]
// [-NAME ...] [-NAME.FLAG=value ...] packages". It accepts multichecker's
// flags and prints what multichecker prints, with the same exit codes (0
// clean, 3 with diagnostics, 1 on load or analysis errors; 0 with -json
// or -sarif unless an error occurred; 2 for bad flags), but loads far
// less: the packages named on the command line from source, and their
// dependencies from the compiler's export data, as multichecker does only
// for fact-free analyzers. Facts, and so the view through wrapper
// functions, flow between the packages named on the command line; the
// passes know the standard library and common libraries through tables
// (docs/design.md, "Drivers and cost"). Command lines that ask for fixes
// (-fix, -diff), go vet's protocol and the debugging flags go to
// multichecker (main.go).

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/sarif"
)

// multicheckerFlags are the flags that only multichecker's own checker
// implements: applying fixes, go vet's protocol and its debugging aids.
// A command line that uses one of them is handed to multichecker.
var multicheckerFlags = map[string]bool{
	"fix": true, "diff": true, "V": true, "flags": true, "debug": true, "trace": true, "v": true,
}

// standaloneRequested reports whether the fast standalone checker of this
// file can run the command line: it is not go vet's protocol (a .cfg
// file, -V=full, -flags), not "help", and asks for no fixes.
func standaloneRequested(args []string) bool {
	for i, arg := range args {
		if arg == "--" {
			return standaloneArgs(args[i+1:])
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			return standaloneArgs(args[i:])
		}
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if multicheckerFlags[name] {
			return false
		}
	}
	return true // no packages: the checker prints its usage
}

// standaloneArgs reports whether the positional arguments name packages
// (not "help", not a vet configuration file).
func standaloneArgs(positional []string) bool {
	if len(positional) == 0 {
		return true
	}
	if positional[0] == "help" {
		return false
	}
	return !(len(positional) == 1 && strings.HasSuffix(positional[0], ".cfg"))
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

// standaloneMain runs the analyzers on the packages named by args and
// prints their diagnostics; it returns the exit code.
func standaloneMain(flags *flag.FlagSet, analyzers []*analysis.Analyzer, args []string) int {
	sarifOut := flags.Bool("sarif", false, "write the diagnostics as SARIF 2.1.0 to stdout")
	jsonOut := flags.Bool("json", false, "emit JSON output")
	contextLines := flags.Int("c", -1, "display offending line with this many lines of context")
	includeTests := flags.Bool("test", true, "indicates whether test files should be analyzed, too")
	cpuProfile := flags.String("cpuprofile", "", "write CPU profile to this file")
	memProfile := flags.String("memprofile", "", "write memory profile to this file")
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
		fmt.Fprintln(os.Stderr, "usage: toctou [-json|-sarif] [-NAME ...] [-NAME.FLAG=value ...] packages\n"+
			"run 'toctou help' for the passes and their flags")
		return 2
	}

	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer stop()
	}
	if *memProfile != "" {
		defer writeHeapProfile(*memProfile)
	}

	pkgs, reported, err := loadPackages(patterns, *includeTests)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	failed := packages.PrintErrors(pkgs) > 0
	graph, err := checker.Analyze(selectAnalyzers(analyzers, selection), pkgs, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	reportOnly(graph, reported)
	var code int
	switch {
	case *sarifOut:
		code = printSARIF(graph, analyzers, failed)
	case *jsonOut:
		code = printJSON(graph)
	default:
		code = printText(graph, *contextLines)
	}
	if failed {
		code = max(code, 1)
	}
	return code
}

// loadPackages loads the packages that patterns name (with their tests if
// tests is set) from source, and their dependencies from export data. It
// returns the packages to analyze and the IDs of those to report on.
//
// Facts need a path of actions from a package to each package it imports.
// So that the checker does not ask for the dependencies' syntax, each
// loaded package keeps in Imports only the packages loaded from source too.
// When the named packages import other packages of their own module(s)
// (toctou ./cmd/app, whose wrappers live in ./internal/fsutil), those are
// loaded from source as well, analyzed for their facts and not reported,
// so the findings of a package do not depend on which of its siblings were
// named. (multichecker instead loads every dependency from source as soon
// as one analyzer declares a fact; on a large module that costs several
// times the time and memory, see docs/performance.md.)
func loadPackages(patterns []string, tests bool) ([]*packages.Package, map[string]bool, error) {
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		return nil, nil, err
	}
	reported := make(map[string]bool, len(pkgs))
	for _, p := range pkgs {
		reported[p.ID] = true
	}
	if siblings := moduleSiblings(pkgs); len(siblings) > 0 {
		pkgs, err = packages.Load(cfg, append(slices.Clone(patterns), siblings...)...)
		if err != nil {
			return nil, nil, err
		}
	}
	fromSource := make(map[*packages.Package]bool, len(pkgs))
	for _, p := range pkgs {
		fromSource[p] = true
	}
	for _, p := range pkgs {
		imports := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if fromSource[imp] {
				imports[path] = imp
			}
		}
		p.Imports = imports
	}
	return pkgs, reported, nil
}

// moduleSiblings returns the paths of the packages that pkgs import,
// directly or not, from their own unversioned modules (the main module,
// go.work modules) without having loaded them from source.
func moduleSiblings(pkgs []*packages.Package) []string {
	own := make(map[string]bool)
	loaded := make(map[string]bool) // package paths; a test variant's deps recompiled for the test share them
	for _, p := range pkgs {
		loaded[p.PkgPath] = true
		if p.Module != nil && p.Module.Version == "" {
			own[p.Module.Path] = true
		}
	}
	seen := make(map[*packages.Package]bool)
	var siblings []string
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if seen[imp] || imp.Module == nil || !own[imp.Module.Path] || imp.Module.Version != "" {
				continue
			}
			seen[imp] = true
			if !loaded[imp.PkgPath] {
				siblings = append(siblings, imp.PkgPath)
			}
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	slices.Sort(siblings)
	return slices.Compact(siblings)
}

// reportOnly keeps in the graph's roots only the actions on packages to
// report on; the others ran for their facts.
func reportOnly(graph *checker.Graph, reported map[string]bool) {
	for act := range graph.All() {
		if act.IsRoot && !reported[act.Package.ID] {
			act.IsRoot = false
		}
	}
	graph.Roots = slices.DeleteFunc(graph.Roots, func(act *checker.Action) bool { return !act.IsRoot })
}

// printText writes the diagnostics as multichecker does, to stderr, and
// returns 1 if an analysis failed, else 3 if there are diagnostics, else 0.
func printText(graph *checker.Graph, contextLines int) int {
	if err := graph.PrintText(os.Stderr, contextLines); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var failures, diagnostics int
	for act := range graph.All() {
		if act.Err != nil {
			failures++
		} else if act.IsRoot {
			diagnostics += len(act.Diagnostics)
		}
	}
	switch {
	case failures > 0:
		return 1
	case diagnostics > 0:
		return 3
	}
	return 0
}

// printJSON writes the diagnostics (and analysis errors) as multichecker's
// -json does, to stdout; the exit code is 0 unless writing failed.
func printJSON(graph *checker.Graph) int {
	if err := graph.PrintJSON(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// printSARIF writes the diagnostics as SARIF 2.1.0 to stdout, with
// analysis errors on stderr; failed marks a run whose loading failed.
func printSARIF(graph *checker.Graph, analyzers []*analysis.Analyzer, failed bool) int {
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

// startCPUProfile starts writing a CPU profile to path and returns the
// function that stops it.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a heap profile, after a collection, to path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
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

// toctouVersion is the module version the binary was built from, or "".
func toctouVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return info.Main.Version
}
