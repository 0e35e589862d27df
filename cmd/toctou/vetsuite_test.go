package main

import (
	"flag"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"
)

func TestVetProtocol(t *testing.T) {
	for _, c := range []struct {
		args          []string
		protocol, fix bool
	}{
		{[]string{"-flags"}, true, false},
		{[]string{"vet.cfg"}, true, false},
		{[]string{"-json", "vet.cfg"}, true, false},
		{[]string{"-vetsuite=false", "-json", "vet.cfg"}, true, false},
		{[]string{"-fix", "vet.cfg"}, true, true},          // go fix, go vet -fix
		{[]string{"-fix", "-diff", "vet.cfg"}, true, true}, // go fix -diff
		{[]string{"-fix=false", "vet.cfg"}, true, false},
		{[]string{"-V=full"}, false, false}, // no analyzers needed
		{[]string{"./..."}, false, false},
		{[]string{"-fix", "./..."}, false, true},
		{[]string{"help"}, false, false},
		{[]string{"x", "vet.cfg"}, false, false},
	} {
		if got := vetProtocol(c.args); got != c.protocol {
			t.Errorf("vetProtocol(%q) = %v, want %v", c.args, got, c.protocol)
		}
		if got := fixRequested(c.args); got != c.fix {
			t.Errorf("fixRequested(%q) = %v, want %v", c.args, got, c.fix)
		}
	}
}

func TestVetSuiteSelection(t *testing.T) {
	if got := vetSuite(flag.NewFlagSet("toctou", flag.ContinueOnError), []string{"./..."}); got != nil {
		t.Errorf("the standalone checker runs the vet suite: %d analyzers", len(got))
	}
	fixFlags := flag.NewFlagSet("toctou", flag.ContinueOnError)
	if got := vetSuite(fixFlags, []string{"-fix", "vet.cfg"}); got != nil {
		t.Errorf("go fix runs the vet suite: %d analyzers", len(got))
	}
	if fixFlags.Lookup(vetSuiteFlag) == nil {
		t.Errorf("-%s is not defined under go fix, which forwards it", vetSuiteFlag)
	}

	// Under go vet: the suite, and -vetsuite=false turns off each of its
	// -NAME flags (multichecker defines them before parsing).
	flags := flag.NewFlagSet("toctou", flag.ContinueOnError)
	got := vetSuite(flags, []string{"-json", "vet.cfg"})
	if !slices.Equal(got, vet.Suite) {
		t.Fatalf("go vet runs %d analyzers of the vet suite, want %d", len(got), len(vet.Suite))
	}
	names := make(map[string]*string)
	for _, a := range got {
		names[a.Name] = new(string)
		flags.Func(a.Name, "enable", func(s string) error { *names[a.Name] = s; return nil })
	}
	if err := flags.Parse([]string{"-vetsuite=false"}); err != nil {
		t.Fatal(err)
	}
	for name, v := range names {
		if *v != "false" {
			t.Errorf("-vetsuite=false set -%s to %q, want false", name, *v)
		}
	}
	if f := flags.Lookup(vetSuiteFlag); f.Value.String() != "false" {
		t.Errorf("-%s reads %s after -vetsuite=false", vetSuiteFlag, f.Value)
	}
}

// TestVetSuiteNames checks that no pass of ours has the name of a vet
// analyzer: go vet's protocol runs both, and names must be unique.
func TestVetSuiteNames(t *testing.T) {
	all := append(suite(flag.NewFlagSet("toctou", flag.ContinueOnError), false), vet.Suite...)
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
}

// printfModule has a printf bug next to a toctou finding.
var printfModule = map[string]string{
	"go.mod": "module example.com/printf\n\ngo 1.26.0\n",
	"p/p.go": `// Package p has a printf bug and a pathrace finding.
package p

import (
	"fmt"
	"os"
)

// Show has a printf bug that go vet reports.
func Show() {
	fmt.Printf("%d\n", "x")
}

// Lock races.
func Lock(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600)
}
`,
}

// TestVetSuite checks that go vet -vettool=toctou keeps go vet's own
// checks (a printf bug is reported), that -vetsuite=false leaves them
// out, and that neither the standalone checker nor go fix runs them.
func TestVetSuite(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := t.TempDir()
	writeFiles(t, dir, printfModule)
	const (
		printf   = "p/p.go:11:14: fmt.Printf format %d has arg \"x\" of wrong type string"
		pathrace = "p/p.go:19:9: os.WriteFile creates lockPath after os.Stat found it absent"
	)
	has := func(out, finding string) bool {
		for line := range strings.Lines(out) {
			if strings.HasPrefix(line, finding) {
				return true
			}
		}
		return false
	}

	// The user's build cache: p is the only package, always vetted as a
	// root, so the go vet cache pitfall of TestVet does not arise.
	gocache := ""
	vettool := "-vettool=" + bin
	r := run(t, dir, gocache, "go", "vet", vettool, "./...")
	if r.code != 1 || !has(r.stderr, printf) || !has(r.stderr, pathrace) {
		t.Errorf("go vet -vettool: want exit code 1, the printf finding\n\t%s\nand the pathrace one\n\t%s\n%s", printf, pathrace, r)
	}
	// The same, in JSON: the printf analyzer reports it.
	js := run(t, dir, gocache, "go", "vet", vettool, "-json", "./...")
	var analyzers []string
	for _, res := range jsonDiags(t, js.stdout+js.stderr) {
		analyzers = append(analyzers, res.analyzer)
	}
	slices.Sort(analyzers)
	if want := []string{"pathrace", "printf"}; !slices.Equal(analyzers, want) {
		t.Errorf("go vet -vettool -json: diagnostics of %v, want %v\n%s", analyzers, want, js)
	}

	off := run(t, dir, gocache, "go", "vet", vettool, "-vetsuite=false", "./...")
	if off.code != 1 || has(off.stderr, printf) || !has(off.stderr, pathrace) {
		t.Errorf("go vet -vettool -vetsuite=false: want exit code 1 and the pathrace finding only\n%s", off)
	}
	// -NAME selects checks as with go vet's own tool: only those run.
	sel := run(t, dir, gocache, "go", "vet", vettool, "-printf", "./...")
	if sel.code != 1 || !has(sel.stderr, printf) || has(sel.stderr, pathrace) {
		t.Errorf("go vet -vettool -printf: want exit code 1 and the printf finding only\n%s", sel)
	}

	// The standalone checker runs toctou's checks only, and has no
	// -vetsuite flag.
	standalone := run(t, dir, "", bin, "./...")
	if standalone.code != 3 || strings.Contains(standalone.stderr, "fmt.Printf") {
		t.Errorf("toctou ./...: want exit code 3 and no printf finding\n%s", standalone)
	}
	if r := run(t, dir, "", bin, "-vetsuite=false", "./..."); r.code != 2 || !strings.Contains(r.stderr, "-vetsuite") {
		t.Errorf("toctou -vetsuite=false ./...: want exit code 2 and an unknown flag error\n%s", r)
	}

	// go fix -fixtool applies toctou's fixes only; -vetsuite is accepted.
	for _, args := range [][]string{
		{"fix", "-fixtool=" + bin, "-diff", "./..."},
		{"fix", "-fixtool=" + bin, "-vetsuite=false", "-diff", "./..."},
	} {
		diff := run(t, dir, gocache, "go", args...)
		if diff.code != 1 || !strings.Contains(diff.stdout, "O_EXCL") || strings.Contains(diff.stdout, "Printf") {
			t.Errorf("go %s: want exit code 1 and a diff of toctou's fix only\n%s", strings.Join(args, " "), diff)
		}
	}
}

// TestVetSuiteNotInPlugins checks that the golangci-lint plugin and the
// gopls build (through package driver) do not link the vet suite: both
// hosts run go vet's analyzers themselves.
func TestVetSuiteNotInPlugins(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/toctou/toctou/plugin/golangci", "github.com/toctou/toctou/driver").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for line := range strings.Lines(string(out)) {
		if p := strings.TrimSpace(line); p == "golang.org/x/tools/go/analysis/suite/vet" || p == "golang.org/x/tools/go/analysis/passes/printf" {
			t.Errorf("the golangci-lint plugin or package driver depends on %s", p)
		}
	}
}
