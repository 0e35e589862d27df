package main

// The standalone checker: "toctou [-json|-sarif] [-c N] [-test=false]
// [-tags=...] [-enable=...] [-disable=...] [-v] [-NAME ...]
// [-NAME.FLAG=value ...] packages". It has multichecker's exit codes (0
// clean, 3 with diagnostics, 1 on load or analysis errors; 0 with -json
// or -sarif unless an error occurred; 2 for bad flags) and its -json
// output, and prints text as "file:line:col: check: message" (text.go),
// but loads far less: the packages named on the command line from
// source, and their dependencies from the compiler's export data, as
// multichecker does only for fact-free analyzers. Facts, and so the view
// through wrapper functions, flow between the packages named on the
// command line; the passes know the standard library and common
// libraries through tables (docs/design.md, "Drivers and cost"). With
// -fix or -diff it applies or prints the suggested fixes instead (fix.go).
// go vet's protocol and the debugging flags go to multichecker (main.go).

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/ignore"
	"github.com/toctou/toctou/internal/sarif"
)

// multicheckerFlags are the flags that only multichecker's own checker
// implements: go vet's protocol and its debugging aids.
// A command line that uses one of them is handed to multichecker.
var multicheckerFlags = map[string]bool{
	"V": true, "flags": true, "debug": true, "trace": true,
}

// standaloneRequested reports whether the fast standalone checker of this
// file can run the command line: it is not go vet's protocol (a .cfg
// file, -V=full, -flags) and not "help".
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
	jsonOut := flags.Bool("json", false, "write the diagnostics as JSON to stdout")
	contextLines := flags.Int("c", -1, "print each offending line with this many lines of context")
	includeTests := flags.Bool("test", true, "also analyze the packages' test files")
	tags := flags.String("tags", "", "a comma-separated list of build tags to consider satisfied")
	enable := flags.String("enable", "", "a comma-separated list of checks to run besides those on by default")
	disable := flags.String("disable", "", "a comma-separated list of checks not to run")
	verbose := flags.Bool("v", false, "print the packages analyzed and the time taken on stderr")
	showVersion := flags.Bool("version", false, "print the version and exit")
	cpuProfile := flags.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := flags.String("memprofile", "", "write a memory profile to this file")
	fixes := registerFixFlags(flags)
	selection := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		ts := new(triState)
		flags.Var(ts, a.Name, "enable "+a.Name+" analysis")
		selection[a] = ts
		a.Flags.VisitAll(func(f *flag.Flag) {
			flags.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	// After a bad flag, the flag package prints the error and the usage:
	// a short one then, every flag for -help.
	names, _ := splitArgs(args)
	help := slices.ContainsFunc(names, func(name string) bool { return name == "h" || name == "help" })
	flags.Usage = func() {
		if help {
			printUsage(flags.Output(), flags, analyzers)
		} else {
			fmt.Fprintln(flags.Output(), "run 'toctou -help' for the flags, 'toctou help' for the checks")
		}
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		printVersion(os.Stdout)
		return 0
	}
	if err := validateFlagCombination(setFlags(flags)); err != nil {
		fmt.Fprintln(os.Stderr, "toctou:", err)
		return 2
	}
	chosen, err := chooseAnalyzers(analyzers, selection, listFlag(*enable), listFlag(*disable))
	if err != nil {
		fmt.Fprintln(os.Stderr, "toctou:", err)
		return 2
	}
	patterns := flags.Args()
	if len(patterns) == 0 {
		fmt.Fprintln(os.Stderr, "usage: toctou [-json|-sarif] [-NAME ...] [-NAME.FLAG=value ...] packages\n"+
			"run 'toctou help' for the checks, 'toctou -help' for the flags")
		return 2
	}

	// Profiles: the files are created before the analysis, so that a
	// path that cannot be written fails at once.
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "toctou: -cpuprofile:", err)
			return 1
		}
		defer stop()
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "toctou: -memprofile:", err)
			return 1
		}
		defer writeHeapProfile(f)
	}

	dir, _ := os.Getwd() // "" leaves file names absolute
	prog := &progress{w: os.Stderr, on: isTerminal(os.Stderr)}
	defer prog.clear()
	start := time.Now()
	prog.show("toctou: loading packages...")
	var buildFlags []string
	if *tags != "" {
		buildFlags = []string{"-tags=" + *tags}
	}
	pkgs, reported, errs, err := loadPackages(patterns, *includeTests, buildFlags)
	prog.clear()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, line := range errs {
		fmt.Fprintln(os.Stderr, line)
	}
	failed := len(errs) > 0
	if *verbose {
		for _, p := range pkgs {
			if reported[p.ID] {
				fmt.Fprintf(os.Stderr, "toctou: %s\n", p.ID)
			}
		}
		fmt.Fprintf(os.Stderr, "toctou: loaded %s from source (%d to report on) in %.1fs\n",
			plural(len(pkgs), "package"), len(reported), time.Since(start).Seconds())
	}
	prog.show(fmt.Sprintf("toctou: analyzing %s...", plural(len(pkgs), "package")))
	analysisStart := time.Now()
	graph, err := checker.Analyze(chosen, pkgs, nil)
	prog.clear()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if *verbose {
		fmt.Fprintf(os.Stderr, "toctou: analyzed in %.1fs\n", time.Since(analysisStart).Seconds())
	}
	reportOnly(graph, reported)
	for _, line := range actionErrors(graph) {
		fmt.Fprintln(os.Stderr, line)
		failed = true
	}
	if fixes.requested() {
		return max(fixes.run(graph), failedCode(failed))
	}
	var code int
	switch {
	case *sarifOut:
		code = printSARIF(graph, analyzers, failed)
	case *jsonOut:
		code = printJSON(graph)
	default:
		code = printText(graph, dir, *contextLines)
	}
	if failed {
		code = max(code, 1)
	}
	return code
}

// setFlags returns the flags of the parsed set that were set to a value
// other than false.
func setFlags(flags *flag.FlagSet) map[string]bool {
	on := make(map[string]bool)
	flags.Visit(func(f *flag.Flag) {
		on[f.Name] = f.Value.String() != "false"
	})
	return on
}

// validateFlagCombination refuses the combinations of flags that ask for
// two different outputs: -json and -sarif are two formats of the findings
// (with their suggested fixes), while -fix applies the fixes and -fix
// -diff prints them as a diff, with no findings. on holds the names of
// the flags set to true (or to any non-boolean value).
func validateFlagCombination(on map[string]bool) error {
	if on["json"] && on["sarif"] {
		return errors.New("-json and -sarif are two output formats; choose one")
	}
	for _, format := range []string{"json", "sarif"} {
		for _, fix := range []string{"fix", "diff"} {
			if on[format] && on[fix] {
				return fmt.Errorf("-%s cannot be combined with -%s: -json and -sarif report the findings with their suggested fixes, -fix applies the fixes and -fix -diff prints them as a diff", fix, format)
			}
		}
	}
	return nil
}

// argFlags is setFlags for a command line that is not parsed here (see
// main): the flags before the first positional argument.
func argFlags(args []string) map[string]bool {
	names, _ := splitArgs(args)
	on := make(map[string]bool)
	for _, nv := range names {
		name, value, ok := strings.Cut(nv, "=")
		on[name] = !ok || value != "false"
	}
	return on
}

// listFlag splits a comma-separated list, ignoring empty items.
func listFlag(s string) []string {
	var items []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

// nonNegative wraps a duration flag's value so that a negative duration
// is refused; other values are returned as they are.
func nonNegative(v flag.Value) flag.Value {
	if g, ok := v.(flag.Getter); ok {
		if _, ok := g.Get().(time.Duration); ok {
			return durationValue{g}
		}
	}
	return v
}

type durationValue struct{ flag.Getter }

// String is the Getter's; the flag package also calls it on the zero
// value, to find out whether a default is worth printing.
func (d durationValue) String() string {
	if d.Getter == nil {
		return ""
	}
	return d.Getter.String()
}

func (d durationValue) Set(s string) error {
	if v, err := time.ParseDuration(s); err == nil && v < 0 {
		return errors.New("must not be negative")
	}
	return d.Getter.Set(s)
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
//
// The load errors of the packages and of their dependencies are returned
// one line each (loadErrors), since the pruned graph no longer reaches
// the dependencies: a package that failed to load says why there, in the
// go command's words ("no required module provides package ...").
func loadPackages(patterns []string, tests bool, buildFlags []string) (pkgs []*packages.Package, reported map[string]bool, errs []string, err error) {
	if tests && namedHaveTests(patterns) {
		// loadDirect would list the graph, find a dependency recompiled
		// for a test, and give up: the listing would be done twice.
		return loadGoList(patterns, tests, buildFlags)
	}
	if pkgs, why := loadDirect(patterns, tests, buildFlags); why == "" {
		reported = make(map[string]bool, len(pkgs))
		for _, p := range pkgs {
			reported[p.ID] = true
		}
		return pkgs, reported, nil, nil
	}
	return loadGoList(patterns, tests, buildFlags)
}

// loadGoList is loadPackages through packages.LoadSyntax.
func loadGoList(patterns []string, tests bool, buildFlags []string) (pkgs []*packages.Package, reported map[string]bool, errs []string, err error) {
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests, BuildFlags: buildFlags}
	pkgs, err = packages.Load(cfg, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = noPackages(patterns, buildFlags)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	reported = make(map[string]bool, len(pkgs))
	for _, p := range pkgs {
		reported[p.ID] = true
	}
	if siblings := moduleSiblings(pkgs); len(siblings) > 0 {
		pkgs, err = packages.Load(cfg, append(slices.Clone(patterns), siblings...)...)
		if err != nil {
			return nil, nil, nil, err
		}
	}
	dir, _ := os.Getwd()
	errs = loadErrors(dir, pkgs)
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
	return pkgs, reported, errs, nil
}

// noPackages returns the error of patterns that matched no package. go
// list says why when it can ("go.mod file not found ..." outside a
// module), but go/packages keeps that to itself; so ask go list again.
func noPackages(patterns, buildFlags []string) error {
	args := append(append([]string{"list", "-e", "-f", "{{.ImportPath}}"}, buildFlags...), "--")
	var stderr strings.Builder
	cmd := exec.Command("go", append(args, patterns...)...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && stderr.Len() > 0 {
		return errors.New(strings.TrimSpace(stderr.String()))
	}
	return fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
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

// printText writes the diagnostics to stderr, one
// "file:line:col: check: message" line each (file names relative to dir),
// sorted by position, and returns 1 if an analysis failed, else 3 if
// there are diagnostics, else 0. (multichecker prints them grouped by
// check, without the check's name, with absolute file names.)
func printText(graph *checker.Graph, dir string, contextLines int) int {
	fs := collectText(graph)
	if err := writeText(os.Stderr, dir, fs, contextLines); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for act := range graph.All() {
		if act.Err != nil {
			return 1
		}
	}
	if len(fs) > 0 {
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
// The diagnostics that //toctou:ignore directives suppressed are results
// too, marked as suppressed in the source with the directive's reason:
// the directive checker's result, the package's *ignore.Index, lists them
// (the other outputs leave them out).
func printSARIF(graph *checker.Graph, analyzers []*analysis.Analyzer, failed bool) int {
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	b := sarif.NewBuilder(root, toctouVersion(), analyzers, analyzer.Passes())
	for act := range graph.All() {
		if act.Err != nil {
			failed = true // printed by actionErrors
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
		index, _ := act.Result.(*ignore.Index)
		for _, s := range index.Suppressed() {
			by := make([]sarif.InSource, len(s.Directives))
			for i, d := range s.Directives {
				by[i] = sarif.InSource{Pos: d.Pos, End: d.End, Reason: d.Reason}
			}
			if err := b.AddSuppressed(act.Package.Fset, s.Analyzer, s.Diagnostic, by); err != nil {
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

// writeHeapProfile writes a heap profile, after a collection, to f and
// closes it.
func writeHeapProfile(f *os.File) {
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "toctou: -memprofile:", err)
	}
}

// chooseAnalyzers returns the analyzers to run. The base is
// multichecker's selection rule: with some -NAME set to true, only those;
// else all but those set to false, of the checks on by default. To the
// base it adds the enable list and removes the disable list; a name in
// either that is not a check is an error. Every analyzer chosen gets its
// selection flag set to true, so that a pass that is off by default
// (optIn) runs when the enable list names it.
func chooseAnalyzers(all []*analysis.Analyzer, selection map[*analysis.Analyzer]*triState, enable, disable []string) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range all {
		byName[a.Name] = a
	}
	for _, name := range slices.Concat(enable, disable) {
		if byName[name] == nil {
			var names []string
			for _, a := range all {
				names = append(names, a.Name)
			}
			return nil, fmt.Errorf("no check named %q (the checks: %s)", name, strings.Join(names, ", "))
		}
	}
	on := make(map[*analysis.Analyzer]bool)
	for _, a := range all {
		if *selection[a] == setTrue {
			on[a] = true
		}
	}
	if len(on) == 0 {
		for _, c := range checks(all) {
			if c.on && *selection[c.analyzer] != setFalse {
				on[c.analyzer] = true
			}
		}
	}
	for _, name := range enable {
		on[byName[name]] = true
	}
	for _, name := range disable {
		delete(on, byName[name])
	}
	var chosen []*analysis.Analyzer
	for _, a := range all {
		if on[a] {
			*selection[a] = setTrue
			chosen = append(chosen, a)
		}
	}
	return chosen, nil
}

// toctouVersion is the module version the binary was built from, or "".
func toctouVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return info.Main.Version
}
