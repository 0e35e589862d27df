package main

// Driver parity: the standalone checker, go vet -vettool (-vetsuite=false:
// without go vet's own analyzers) and the
// golangci-lint build of tools/gcl report the same findings on the same
// module, and their -fix modes change the files the same way. A finding
// is "file:line:col: pass: message"; a related location is the same with
// a tab before the message (golangci-lint reports it as an issue of its
// own, "pass(related information): message").

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const gclHow = "build it with (cd tools/gcl && go build -o ../../bin/golangci-lint-toctou .) and set TOCTOU_GCL=$PWD/bin/golangci-lint-toctou"

// suppressionModule is a module whose findings depend on //toctou:ignore
// directives, for the parity of suppression across drivers.
var suppressionModule = map[string]string{
	"go.mod": "module example.com/suppress\n\ngo 1.26.0\n",
	"lock/lock.go": `// Package lock has pathrace findings, some of them suppressed.
package lock

import "os"

// Suppressed is suppressed by the directive on the line above the use.
func Suppressed(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	//toctou:ignore pathrace the directory is private to this process
	return os.WriteFile(lockPath, nil, 0o600)
}

// Trailing is suppressed by the directive after the use.
func Trailing(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600) //toctou:ignore pathrace only this process writes here
}

// NoReason is reported, and so is its directive, which gives no reason.
func NoReason(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	//toctou:ignore pathrace
	return os.WriteFile(lockPath, nil, 0o600)
}

// Unused has a directive that suppresses nothing (reported with -unused).
func Unused(lockPath string) error {
	//toctou:ignore pathrace nothing races here
	return os.WriteFile(lockPath, nil, 0o600)
}

// Unknown names no toctou check.
func Unknown(lockPath string) error {
	//toctou:ignore pathrcae a typo
	return os.Remove(lockPath)
}
`,
}

// gclConfig enables only toctou, with every issue shown, and the
// directive checker's -unused flag when unused is true.
func gclConfig(unused bool) string {
	cfg := `version: "2"
linters:
  default: none
  enable: [toctou]
  settings:
    custom:
      toctou:
        type: module
        description: time-of-check to time-of-use races
`
	if unused {
		cfg += `        settings:
          flags:
            ignoredirective:
              unused: true
`
	}
	// Paths relative to the working directory (the module), not to the
	// config file.
	return cfg + `run:
  relative-path-mode: wd
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`
}

// gclEnvironment is the environment of golangci-lint runs: offline, with
// a cache of its own (the go command's cache is the user's unless gocache
// is set: unlike go vet's, it has no pitfall here).
func gclEnvironment(t *testing.T, gocache string) []string {
	return append(goEnv(gocache), "GOLANGCI_LINT_CACHE="+t.TempDir())
}

// runGCL runs golangci-lint with the given config in dir.
func runGCL(t *testing.T, gcl, dir, gocache, config string, args ...string) result {
	t.Helper()
	cfgFile := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(cfgFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	// Tests run in parallel: without --allow-parallel-runners, a second
	// golangci-lint waits for the first one's lock, then gives up.
	args = append([]string{"run", "--allow-parallel-runners", "--config=" + cfgFile}, args...)
	env := gclEnvironment(t, gocache)
	return runEnv(t, dir, env, gcl, args...)
}

// gclIssue is an issue of golangci-lint's JSON output.
type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
	SuggestedFixes []json.RawMessage
}

var gclText = regexp.MustCompile(`^(\w+)(\(related information\))?: (.*)$`)

// gclFindings parses golangci-lint's JSON output into findings.
func gclFindings(t *testing.T, out string) []string {
	t.Helper()
	var report struct{ Issues []gclIssue }
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("golangci-lint JSON output does not parse: %v\n%s", err, out)
	}
	var fs []string
	for _, is := range report.Issues {
		if is.FromLinter != "toctou" {
			t.Errorf("issue of linter %s: %s", is.FromLinter, is.Text)
			continue
		}
		m := gclText.FindStringSubmatch(is.Text)
		if m == nil {
			t.Errorf("issue text %q does not start with a pass name", is.Text)
			continue
		}
		msg := m[3]
		if m[2] != "" {
			msg = "\t" + msg
		}
		fs = append(fs, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, m[1], msg))
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

// analysisFindings renders -json results (standalone or go vet) as
// findings, related locations included.
func analysisFindings(results []jsonResult) []string {
	var fs []string
	for _, r := range results {
		fs = append(fs, fmt.Sprintf("%s: %s: %s", r.diag.Posn, r.analyzer, r.diag.Message))
		for _, rel := range r.diag.Related {
			fs = append(fs, fmt.Sprintf("%s: %s: \t%s", rel.Posn, r.analyzer, rel.Message))
		}
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

// parityCase is one module and the flags of each driver.
type parityCase struct {
	name     string
	dir      func(t *testing.T) string
	unused   bool // with -ignoredirective.unused
	nonEmpty bool // the findings must include some of a pass of the table
}

// libraryModule is a module with a versioned dependency (replaced by a
// directory, which keeps its version: a library to every driver) whose
// helper writes its path parameter. The standalone checker loads the
// dependency from export data, so no summary of the helper reaches the
// call after the Stat: the drivers that analyze dependencies (go vet,
// golangci-lint) must not report it either. The create in the module's
// own code is reported by all.
var libraryModule = map[string]string{
	"go.mod":     "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib v1.0.0 => ./lib\n",
	"lib/go.mod": "module example.com/lib\n\ngo 1.26.0\n",
	"lib/lib.go": `// Package lib is a library: its helpers are known by table or not at all.
package lib

import "os"

// Save writes data to p.
func Save(p string, data []byte) error { return os.WriteFile(p, data, 0o600) }
`,
	"main.go": `package main

import (
	"errors"
	"io/fs"
	"os"

	"example.com/lib"
)

func main() {
	if err := run(); err != nil {
		os.Exit(1)
	}
}

func run() error {
	const p = "/srv/app/state.lock"
	if _, err := os.Stat(p); err == nil {
		return fs.ErrExist
	} else if errors.Is(err, fs.ErrNotExist) {
		lib.Save(p, []byte("x")) // a library's helper: no summary, no finding
		defer os.Remove(p)
	}
	const q = "/srv/app/run.lock"
	if _, err := os.Stat(q); err == nil {
		return fs.ErrExist // another instance holds the lock
	}
	os.WriteFile(q, []byte(os.Args[0]), 0o600) // a lock: reported by every driver
	defer os.Remove(q)
	return nil
}
`,
}

func TestDriverParity(t *testing.T) {
	t.Parallel()
	gcl := externalTool(t, gclEnv, gclHow)
	bin := toctou(t)
	cases := []parityCase{
		{name: "demo", dir: demoCopy, nonEmpty: true},
		{name: "suppression", dir: func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "suppress")
			writeFiles(t, dir, suppressionModule)
			return dir
		}, unused: true, nonEmpty: true},
		{name: "library", dir: func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "app")
			writeFiles(t, dir, libraryModule)
			return dir
		}, nonEmpty: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := c.dir(t)
			gocache := t.TempDir()
			var flags []string
			if c.unused {
				flags = append(flags, "-ignoredirective.unused")
			}

			standalone := run(t, dir, "", bin, append(flags, "-json", "./...")...)
			if standalone.code != 0 {
				t.Fatalf("toctou -json ./...: %s", standalone)
			}
			want := analysisFindings(jsonDiags(t, standalone.stdout))
			if c.nonEmpty && len(want) == 0 {
				t.Fatalf("no findings in the %s module", c.name)
			}

			// go vet's own analyzers (vetsuite.go) are not the standalone
			// checker's: leave them out here (TestVetSuite tests them).
			vet := run(t, dir, gocache, "go", append(append([]string{"vet", "-vettool=" + bin, "-vetsuite=false"}, flags...), "-json", "./...")...)
			if vet.code != 0 {
				t.Fatalf("go vet -json ./...: %s", vet)
			}
			if got := analysisFindings(jsonDiags(t, vet.stdout+vet.stderr)); !slices.Equal(got, want) {
				t.Errorf("go vet -vettool reports\n\t%s\nthe standalone checker\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}

			lint := runGCL(t, gcl, dir, "", gclConfig(c.unused), "--output.json.path=stdout", "--show-stats=false", "./...")
			if lint.code != 0 && lint.code != 1 {
				t.Fatalf("golangci-lint run: %s", lint)
			}
			if got := gclFindings(t, lint.stdout); !slices.Equal(got, want) {
				t.Errorf("golangci-lint reports\n\t%s\nthe standalone checker\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

// TestDriverFixParity checks that golangci-lint --fix writes what toctou
// -fix writes. That go vet -fix and go fix -fixtool write the same is
// TestVet's and TestFix's job (each compares with the goldens): a go vet
// run here would need another fresh build cache, the slowest step of
// these tests.
func TestDriverFixParity(t *testing.T) {
	t.Parallel()
	gcl := externalTool(t, gclEnv, gclHow)
	bin := toctou(t)

	standaloneDir := demoCopy(t)
	if r := run(t, standaloneDir, "", bin, "-fix", "./..."); r.code != 0 {
		t.Fatalf("toctou -fix ./...: %s", r)
	}
	want := changedFiles(t, standaloneDir)
	if len(want) == 0 {
		t.Fatal("toctou -fix changed nothing in the demo module")
	}

	gclDir := demoCopy(t)
	if r := runGCL(t, gcl, gclDir, "", gclConfig(false), "--fix", "--show-stats=false", "./..."); r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint run --fix: %s", r)
	}
	got := changedFiles(t, gclDir)
	if !equalFiles(got, want) {
		for name, data := range got {
			if string(data) != string(want[name]) {
				t.Errorf("golangci-lint --fix wrote %s:\n%s\ntoctou -fix wrote:\n%s", name, data, want[name])
			}
		}
		t.Errorf("golangci-lint --fix changed %v, toctou -fix %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

// TestGCLNolint checks that golangci-lint's own //nolint:toctou silences
// toctou's findings, as the README says.
func TestGCLNolint(t *testing.T) {
	t.Parallel()
	gcl := externalTool(t, gclEnv, gclHow)
	dir := filepath.Join(t.TempDir(), "nolint")
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/nolint\n\ngo 1.26.0\n",
		"lock/lock.go": `package lock

import "os"

// Acquire races, and says why that is acceptable here.
func Acquire(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600) //nolint:toctou // single-process tool
}

// Racy is reported.
func Racy(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600)
}
`,
	})
	lint := runGCL(t, gcl, dir, "", gclConfig(false), "--output.json.path=stdout", "--show-stats=false", "./...")
	var lines []string
	for _, f := range gclFindings(t, lint.stdout) {
		if !strings.Contains(f, ": \t") { // related locations aside
			lines = append(lines, f[:strings.Index(f, ": ")])
		}
	}
	if want := []string{"lock/lock.go:18:9"}; !slices.Equal(lines, want) {
		t.Errorf("golangci-lint reports at %v, want only %v (the other finding has //nolint:toctou)\n%s", lines, want, lint)
	}
}
