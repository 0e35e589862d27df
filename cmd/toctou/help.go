package main

// Help, usage and version: "toctou help [NAME...]", "toctou -help",
// "toctou version" (or -version) and go vet's "toctou -V=full".

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

// check is one analyzer of the suite as the help text shows it.
type check struct {
	analyzer *analysis.Analyzer
	on       bool // on by default
}

// checks returns the analyzers of the suite, in table order, each with
// whether it runs by default. The directive checker, which the table does
// not list, is on by default.
func checks(analyzers []*analysis.Analyzer) []check {
	defaults := make(map[string]bool)
	for _, row := range analyzer.Passes() {
		defaults[row.Analyzer.Name] = row.Default
	}
	var cs []check
	for _, a := range analyzers {
		on, ok := defaults[a.Name]
		cs = append(cs, check{a, on || !ok && a.Name == driver.CheckerName})
	}
	return cs
}

// summary is the first line of an analyzer's Doc without the "NAME: "
// prefix the passes' docs start with.
func summary(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(a.Doc, "\n")
	first, _ = strings.CutPrefix(first, a.Name+": ")
	return first
}

// helpMain prints the list of checks (no names) or the documentation of
// each named check to stdout, and returns the exit code: 2 if a name is
// not a check.
func helpMain(w io.Writer, analyzers []*analysis.Analyzer, names []string) int {
	cs := checks(analyzers)
	if len(names) == 0 {
		printChecks(w, cs)
		return 0
	}
	byName := make(map[string]check)
	for _, c := range cs {
		byName[c.analyzer.Name] = c
	}
	for i, name := range names {
		c, ok := byName[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "toctou: no check named %q; 'toctou help' lists them\n", name)
			return 2
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		printCheck(w, c)
	}
	return 0
}

// printChecks writes the text of "toctou help".
func printChecks(w io.Writer, cs []check) {
	fmt.Fprint(w, `toctou finds time-of-check to time-of-use races in Go code.

Usage:
	toctou [flags] packages   report the findings (exit status 3 if there are any)
	toctou help               this text
	toctou help NAME          the documentation and flags of check NAME
	toctou version            the version of this binary
	toctou -help              every flag

Checks (on: run when none is selected):
`)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, c := range cs {
		state := "off"
		if c.on {
			state = "on"
		}
		fmt.Fprintf(tw, "\t%s\t%s\t%s\n", c.analyzer.Name, state, summary(c.analyzer))
	}
	tw.Flush()
	fmt.Fprint(w, `
Choosing checks:
	(none)            the checks that are on
	-NAME ...         only the named checks (for example -pathrace -tempname)
	-NAME=false       the checks that are on, except NAME
	-enable=a,b       the checks that are on, plus a and b
	-disable=a,b      the checks that are on, minus a and b (with -enable: both)

A check's own flags are -NAME.FLAG (for example -pathrace.tests);
'toctou help NAME' lists them. Findings are printed as
file:line:col: check: message.
`)
}

// printCheck writes the text of "toctou help NAME".
func printCheck(w io.Writer, c check) {
	state := "off by default; select it with -" + c.analyzer.Name + " or -enable=" + c.analyzer.Name
	if c.on {
		state = "on by default; turn it off with -disable=" + c.analyzer.Name
	}
	fmt.Fprintf(w, "%s (%s)\n\n%s\n", c.analyzer.Name, state, strings.TrimSpace(strings.TrimPrefix(c.analyzer.Doc, c.analyzer.Name+": ")))
	if c.analyzer.URL != "" {
		fmt.Fprintf(w, "\nDocumentation: %s\n", c.analyzer.URL)
	}
	var flags []*flag.Flag
	c.analyzer.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	if len(flags) > 0 {
		fmt.Fprintln(w, "\nFlags:")
		for _, f := range flags {
			printFlag(w, c.analyzer.Name+"."+f.Name, f)
		}
	}
}

// printFlag writes one flag as flag.PrintDefaults does.
func printFlag(w io.Writer, name string, f *flag.Flag) {
	typ, usage := flag.UnquoteUsage(f)
	line := "  -" + name
	if typ != "" {
		line += " " + typ
	}
	line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
	if def := f.DefValue; def != "" && def != "false" && def != "0" {
		line += fmt.Sprintf(" (default %s)", def)
	}
	fmt.Fprintln(w, line)
}

// printUsage writes the text of "toctou -help": the driver's flags, then
// the checks' selection flags and their own flags.
func printUsage(w io.Writer, flags *flag.FlagSet, analyzers []*analysis.Analyzer) {
	fmt.Fprint(w, `usage: toctou [flags] packages
       toctou help [NAME]    the checks, or one check's documentation
       toctou version

Flags:
`)
	names := make(map[string]bool)
	for _, a := range analyzers {
		names[a.Name] = true
	}
	flags.VisitAll(func(f *flag.Flag) {
		if name, _, _ := strings.Cut(f.Name, "."); !names[name] {
			printFlag(w, f.Name, f)
		}
	})
	fmt.Fprintln(w, "\nChecks (-NAME runs only the named ones; see 'toctou help'):")
	for _, c := range checks(analyzers) {
		state := "off by default"
		if c.on {
			state = "on by default"
		}
		fmt.Fprintf(w, "  -%s\n    \t%s (%s)\n", c.analyzer.Name, summary(c.analyzer), state)
		c.analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if g := flags.Lookup(c.analyzer.Name + "." + f.Name); g != nil {
				printFlag(w, g.Name, g)
			}
		})
	}
}

// version describes the module version the binary was built from, with
// the VCS revision when the build recorded one: "v0.2.0", or
// "(devel) 0123456789ab modified".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision != "" && !strings.Contains(v, revision[:min(12, len(revision))]) {
		v += " " + revision
	}
	if modified == "true" && !strings.HasSuffix(v, "+dirty") {
		v += " modified"
	}
	return v
}

// printVersion writes the text of "toctou version".
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "toctou %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// vetVersionRequested reports whether the flags before the first
// positional argument include -V=full, go's question to its tools.
func vetVersionRequested(args []string) bool {
	flags, _ := splitArgs(args)
	for _, f := range flags {
		if f == "V=full" {
			return true
		}
	}
	return false
}

// printVetVersion answers -V=full as the go command requires of a vet
// or fix tool: "NAME version devel ... buildID=ID", where the go command
// keys its vet cache on ID, here a hash of the executable (as
// multichecker does), and ignores the fields in between, here the
// module version.
func printVetVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s version devel toctou %s buildID=%02x\n", exe, strings.Join(strings.Fields(version()), "-"), h.Sum(nil))
	return err
}

// valueFlags are the driver flags that take a value (-c 2 as well as
// -c=2); the checks' own non-boolean flags are found in their FlagSets.
var valueFlags = map[string]bool{
	"c": true, "tags": true, "enable": true, "disable": true, "cpuprofile": true, "memprofile": true,
	"debug": true,
}

// splitArgs splits a command line into the names of the flags it sets
// (name or name=value, without dashes) and the positional arguments,
// as the flag package would.
func splitArgs(args []string) (flags, positional []string) {
	takesValue := func(name string) bool {
		if valueFlags[name] {
			return true
		}
		check, flagName, ok := strings.Cut(name, ".")
		if !ok {
			return false
		}
		for _, row := range analyzer.Passes() {
			if row.Analyzer.Name == check {
				if f := row.Analyzer.Flags.Lookup(flagName); f != nil {
					b, ok := f.Value.(interface{ IsBoolFlag() bool })
					return !ok || !b.IsBoolFlag()
				}
			}
		}
		return false
	}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return flags, args[i+1:]
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			return flags, args[i:]
		}
		nameValue := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
		flags = append(flags, nameValue)
		if !strings.Contains(nameValue, "=") && takesValue(nameValue) {
			i++ // the value
		}
	}
	return flags, nil
}
