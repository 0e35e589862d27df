package main

// End-to-end tests of the command line a new user meets: the text
// output's format and order, help, version, error messages, flag
// validation, -tags, -v, -enable/-disable, the absence of progress
// output when stderr is not a terminal, and the README's go vet and go
// fix command lines when toctou is not installed.

import (
	"bufio"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

// mixModule has findings of two checks (three of blindretry with
// -enable=blindretry), interleaved in one file.
var mixModule = map[string]string{
	"go.mod": "module example.com/mix\n\ngo 1.26.0\n",
	"mix/mix.go": `// Package mix has findings of several checks, interleaved.
package mix

import (
	"bytes"
	"net/http"
	"os"
	"time"
)

// Charge posts with no deadline, and retries the post.
func Charge(body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post("https://pay.example.com/v1/charges", "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Lock checks, then creates.
func Lock(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(p, nil, 0o600)
}

// Fetch gets with no deadline.
func Fetch(u string) (*http.Response, error) {
	return http.Get(u)
}
`,
	// Only with -tags=special.
	"special/special.go": `//go:build special

package special

import "os"

// Lock checks, then creates.
func Lock(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(p, nil, 0o600)
}
`,
}

// mixCopy writes mixModule into a fresh directory and returns it.
func mixCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mix")
	writeFiles(t, dir, mixModule)
	return dir
}

// checkAt returns the "file:line:col: check" prefixes of the lines of
// text output that are diagnostics (not related locations).
func checkAt(out string) []string {
	var at []string
	for line := range strings.Lines(out) {
		posn, rest, _ := strings.Cut(line, ": ")
		check, msg, _ := strings.Cut(rest, ": ")
		if !strings.HasPrefix(msg, "\t") {
			at = append(at, posn+": "+check)
		}
	}
	return at
}

func TestTextOutput(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := mixCopy(t)

	// Sorted by position, not grouped by check; the check's name after
	// the position; file names relative to the working directory.
	r := run(t, dir, "", bin, "-enable=blindretry", "./...")
	want := []string{
		"mix/mix.go:16:15: blindretry",
		"mix/mix.go:16:15: nodeadline",
		"mix/mix.go:31:9: pathrace",
		"mix/mix.go:36:9: nodeadline",
	}
	if got := checkAt(r.stderr); r.code != 3 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("toctou -enable=blindretry ./...: want exit code 3 and findings at\n\t%s\ngot\n\t%s\n%s", strings.Join(want, "\n\t"), strings.Join(got, "\n\t"), r)
	}
	if !strings.Contains(r.stderr, "mix/mix.go:28:15: pathrace: \tos.Stat checked p here\n") {
		t.Errorf("no related location in the text output\n%s", r)
	}

	// From a subdirectory, relative to it; a package outside the working
	// directory keeps its absolute name.
	sub := runEnv(t, filepath.Join(dir, "mix"), goEnv(""), bin, "./...")
	if !strings.HasPrefix(sub.stderr, "mix.go:16:15: nodeadline: ") {
		t.Errorf("toctou ./... in mix/: want file names relative to mix/\n%s", sub)
	}

	// -c N: the offending line, with N lines of context.
	c := run(t, dir, "", bin, "-pathrace", "-c", "0", "./mix")
	if want := "mix/mix.go:31:9: pathrace: os.WriteFile creates p"; !strings.HasPrefix(c.stderr, want) ||
		!strings.Contains(c.stderr, "\n31\t\treturn os.WriteFile(p, nil, 0o600)\n") {
		t.Errorf("toctou -c 0: want the diagnostic and its source line\n%s", c)
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := mixCopy(t)

	// On a terminal (util-linux's script makes one), a progress line,
	// blanked before the findings.
	if script, err := exec.LookPath("script"); err == nil {
		r := run(t, dir, "", script, "-qec", bin+" ./mix", "/dev/null")
		if !strings.Contains(r.stdout, "\rtoctou: loading packages...") || !strings.Contains(r.stdout, "\rtoctou: analyzing ") ||
			!regexp.MustCompile(`\r +\rmix/mix.go:16:15: nodeadline: `).MatchString(r.stdout) {
			t.Errorf("toctou ./mix on a terminal: want a progress line, then the findings\n%q", r.stdout)
		}
	}

	// Not on a pipe.
	r := run(t, dir, "", bin, "./...")
	if strings.Contains(r.stderr, "\r") || strings.Contains(r.stderr, "loading") || strings.Contains(r.stderr, "analyzing") {
		t.Errorf("progress output on a stderr that is not a terminal:\n%q", r.stderr)
	}
	for line := range strings.Lines(r.stderr) {
		if !regexp.MustCompile(`^\S+\.go:\d+:\d+: \w+: `).MatchString(line) {
			t.Errorf("stderr line %q is not a finding", line)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := t.TempDir()

	usage := run(t, dir, "", bin, "-help")
	if usage.code != 0 {
		t.Errorf("toctou -help: want exit code 0\n%s", usage)
	}
	flags := []string{"-fix", "-diff", "-json", "-sarif", "-c", "-test", "-tags", "-enable", "-disable", "-v", "-version", "-cpuprofile", "-memprofile"}
	for _, p := range analyzer.Passes() {
		flags = append(flags, "-"+p.Analyzer.Name)
		p.Analyzer.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, "-"+p.Analyzer.Name+"."+f.Name) })
	}
	flags = append(flags, "-"+driver.CheckerName, "-"+driver.CheckerName+".unused")
	for _, f := range flags {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(f) + `( |$)`).MatchString(usage.stderr) {
			t.Errorf("toctou -help does not list %s\n%s", f, usage.stderr)
		}
	}
	if h := run(t, dir, "", bin, "-h"); h.code != 0 || h.stderr != usage.stderr {
		t.Errorf("toctou -h differs from toctou -help\n%s", h)
	}

	// toctou help: our checks, which are on by default, and how to learn
	// one; not multichecker's text.
	help := run(t, dir, "", bin, "help")
	if help.code != 0 {
		t.Errorf("toctou help: want exit code 0\n%s", help)
	}
	for _, p := range analyzer.Passes() {
		state := "off"
		if p.Default {
			state = "on"
		}
		if !regexp.MustCompile(`(?m)^\s+` + p.Analyzer.Name + `\s+` + state + `\s+\S`).MatchString(help.stdout) {
			t.Errorf("toctou help does not list %s as %s\n%s", p.Analyzer.Name, state, help.stdout)
		}
	}
	for _, want := range []string{"toctou help NAME", "-enable=", "-disable="} {
		if !strings.Contains(help.stdout, want) {
			t.Errorf("toctou help does not mention %s\n%s", want, help.stdout)
		}
	}
	if strings.Contains(help.stdout, "Printf") || strings.Contains(help.stdout, "all analyzers") {
		t.Errorf("toctou help prints multichecker's generic text\n%s", help.stdout)
	}

	// toctou help NAME: the check's documentation and flags.
	one := run(t, dir, "", bin, "help", "blindretry")
	if one.code != 0 || !strings.Contains(one.stdout, "off by default") || !strings.Contains(one.stdout, "-blindretry.keys") ||
		!strings.Contains(one.stdout, "idempotency key") {
		t.Errorf("toctou help blindretry: want its documentation and flags\n%s", one)
	}
	if bad := run(t, dir, "", bin, "help", "pathrcae"); bad.code != 2 || !strings.Contains(bad.stderr, `no check named "pathrcae"`) {
		t.Errorf("toctou help pathrcae: want exit code 2 and an error\n%s", bad)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := t.TempDir()
	for _, args := range [][]string{{"version"}, {"-version"}} {
		r := run(t, dir, "", bin, args...)
		if r.code != 0 || !regexp.MustCompile(`^toctou (v\S+|\(devel\))( \S+)* go1\S+ \S+/\S+\n$`).MatchString(r.stdout) {
			t.Errorf("toctou %s: want exit code 0 and the version\n%s", args[0], r)
		}
	}
	// go's question to a vet tool: the go command keys its cache on the
	// buildID and needs "devel" in the third field.
	v := run(t, dir, "", bin, "-V=full")
	f := strings.Fields(v.stdout)
	if v.code != 0 || len(f) < 4 || f[1] != "version" || f[2] != "devel" || !regexp.MustCompile(`^buildID=[0-9a-f]{64}$`).MatchString(f[len(f)-1]) {
		t.Errorf("toctou -V=full: want \"NAME version devel ... buildID=HASH\"\n%s", v)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	gocache := "" // the user's: the standalone checker has no cache pitfall (see TestVet)

	// A type error, in a package with a test variant: one line, and no
	// "failed prerequisites" of internal analyzers.
	broken := filepath.Join(t.TempDir(), "broken")
	writeFiles(t, broken, map[string]string{
		"go.mod":    "module example.com/broken\n\ngo 1.26.0\n",
		"x.go":      "package broken\n\nfunc f() int { return \"not an int\" }\n",
		"x_test.go": "package broken\n",
	})
	want := "x.go:3:23: cannot use \"not an int\" (untyped string constant) as int value in return statement\n"
	if r := run(t, broken, gocache, bin, "./..."); r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Errorf("toctou ./... on a type error: want exit code 1 and only\n%s\n%s", want, r)
	}
	// A syntax error: the first one, as go vet prints it.
	syntax := filepath.Join(t.TempDir(), "syntax")
	writeFiles(t, syntax, map[string]string{
		"go.mod": "module example.com/syntax\n\ngo 1.26.0\n",
		"x.go":   "package syntax\n\nfunc f( {\n",
	})
	if r := run(t, syntax, gocache, bin, "./..."); r.code != 1 || r.stderr != "x.go:3:9: expected ')', found '{'\n" {
		t.Errorf("toctou ./... on a syntax error: want exit code 1 and one line\n%s", r)
	}

	// An import no module provides: the go command's error.
	imp := filepath.Join(t.TempDir(), "imp")
	writeFiles(t, imp, map[string]string{
		"go.mod": "module example.com/imp\n\ngo 1.26.0\n",
		"x.go":   "package imp\n\nimport _ \"example.com/nope/x\"\n",
	})
	// (With GOFLAGS=-mod=readonly, as here, go says "cannot find module
	// providing package ...: import lookup disabled by -mod=readonly".)
	goErr := regexp.MustCompile(`^x.go:3:8: (no required module provides|cannot find module providing) package example.com/nope/x`)
	if r := run(t, imp, gocache, bin, "./..."); r.code != 1 || !goErr.MatchString(r.stderr) ||
		strings.Contains(r.stderr, "invalid package name") || strings.Contains(r.stderr, "could not import") {
		t.Errorf("toctou ./... with an import no module provides: want go's error\n%s", r)
	}

	// A package outside any module.
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"pkg/x.go": "package pkg\n"})
	if r := run(t, outside, gocache, bin, "./pkg"); r.code != 1 || !strings.Contains(r.stderr, "go.mod file not found") {
		t.Errorf("toctou ./pkg outside a module: want go's error\n%s", r)
	}

	dir := mixCopy(t)
	// Profiles that cannot be written: exit code 1 before any analysis.
	for _, flag := range []string{"-memprofile", "-cpuprofile"} {
		r := run(t, dir, gocache, bin, flag+"="+filepath.Join(dir, "no", "such", "dir", "x.prof"), "./...")
		if r.code != 1 || !strings.HasPrefix(r.stderr, "toctou: "+flag+": ") || strings.Contains(r.stderr, "nodeadline") {
			t.Errorf("toctou %s to an unwritable path: want exit code 1, the error and no findings\n%s", flag, r)
		}
	}
	if r := run(t, dir, gocache, bin, "-nodeadline.timeout=-1s", "./..."); r.code != 2 || !strings.Contains(r.stderr, "must not be negative") {
		t.Errorf("toctou -nodeadline.timeout=-1s: want exit code 2 and an error\n%s", r)
	}
	if r := run(t, dir, gocache, "go", "vet", "-vettool="+bin, "-nodeadline.timeout=-1s", "./mix"); r.code == 0 ||
		!strings.Contains(r.stderr, "must not be negative") || strings.Contains(r.stderr, "-pathrace.tests") {
		t.Errorf("go vet -vettool -nodeadline.timeout=-1s: want an error without the list of flags\n%s", r)
	}

	// Flags that ask for two outputs.
	for _, args := range [][]string{{"-sarif", "-fix"}, {"-json", "-fix"}, {"-sarif", "-diff"}, {"-json", "-sarif"}, {"-json", "-fix", "-diff"}} {
		r := run(t, dir, gocache, bin, append(args, "./...")...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "toctou: -") || r.stdout != "" {
			t.Errorf("toctou %s: want exit code 2 and one line saying why\n%s", strings.Join(args, " "), r)
		}
	}
	checkUnchangedModule(t, dir)

	// Unknown check names.
	for _, flag := range []string{"-enable=pathrcae", "-disable=pathrace,nope"} {
		if r := run(t, dir, gocache, bin, flag, "./..."); r.code != 2 || !strings.Contains(r.stderr, "no check named") {
			t.Errorf("toctou %s: want exit code 2 and an error\n%s", flag, r)
		}
	}
}

// checkUnchangedModule checks that dir still holds mixModule.
func checkUnchangedModule(t *testing.T, dir string) {
	t.Helper()
	for name, data := range mixModule {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != data {
			t.Errorf("%s changed (%v)", name, err)
		}
	}
}

func TestChoosingChecks(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := mixCopy(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "16:15: nodeadline,31:9: pathrace,36:9: nodeadline"},
		{[]string{"-blindretry"}, "16:15: blindretry"},
		{[]string{"-enable=blindretry"}, "16:15: blindretry,16:15: nodeadline,31:9: pathrace,36:9: nodeadline"},
		{[]string{"-enable=blindretry", "-disable=nodeadline"}, "16:15: blindretry,31:9: pathrace"},
		{[]string{"-disable=pathrace"}, "16:15: nodeadline,36:9: nodeadline"},
		{[]string{"-pathrace", "-enable=blindretry"}, "16:15: blindretry,31:9: pathrace"},
		{[]string{"-pathrace=false"}, "16:15: nodeadline,36:9: nodeadline"},
	} {
		r := run(t, dir, "", bin, append(c.args, "./mix")...)
		var got []string
		for _, at := range checkAt(r.stderr) {
			got = append(got, strings.TrimPrefix(at, "mix/mix.go:"))
		}
		if r.code != 3 || strings.Join(got, ",") != c.want {
			t.Errorf("toctou %s ./mix: want exit code 3 and %s, got %s\n%s", strings.Join(c.args, " "), c.want, strings.Join(got, ","), r)
		}
	}
}

func TestTagsAndVerbose(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := mixCopy(t)
	if r := run(t, dir, "", bin, "./special"); r.code != 1 || !strings.Contains(r.stderr, "build constraints exclude all Go files") {
		t.Errorf("toctou ./special without its tag: want exit code 1 and go's error\n%s", r)
	}
	r := run(t, dir, "", bin, "-tags=other,special", "./special")
	if at := checkAt(r.stderr); r.code != 3 || len(at) != 1 || at[0] != "special/special.go:12:9: pathrace" {
		t.Errorf("toctou -tags=other,special ./special: want exit code 3 and the finding\n%s", r)
	}

	// -v runs the standalone checker (its text format) and says what it
	// loaded.
	v := run(t, dir, "", bin, "-v", "./mix")
	if v.code != 3 || !strings.Contains(v.stderr, "toctou: example.com/mix/mix\n") || !strings.Contains(v.stderr, "toctou: loaded ") ||
		!strings.Contains(v.stderr, "mix/mix.go:31:9: pathrace: ") {
		t.Errorf("toctou -v ./mix: want exit code 3, the packages loaded and the findings\n%s", v)
	}
}

// readmeToolCommands returns the go vet -vettool and go fix -fixtool
// command lines of the README's sh code blocks.
func readmeToolCommands(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds []string
	inSh := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = line == "```sh"
		case inSh && (strings.HasPrefix(line, "go vet -vettool=") || strings.HasPrefix(line, "go fix -fixtool=")):
			cmds = append(cmds, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cmds) < 3 {
		t.Fatalf("README.md has %d go vet/go fix command lines in sh blocks, want at least 3: %q", len(cmds), cmds)
	}
	return cmds
}

func TestREADMECommands(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	// A PATH with go and a toctou, and one with go only.
	withTool := t.TempDir()
	if err := os.Symlink(bin, filepath.Join(withTool, "toctou")); err != nil {
		t.Fatal(err)
	}
	goDir := filepath.Dir(goBin)
	shDir := filepath.Dir(sh)
	dir := filepath.Join(t.TempDir(), "clean")
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/clean\n\ngo 1.26.0\n",
		"x.go":   "package clean\n\n// F does nothing.\nfunc F() {}\n",
	})
	gocache := t.TempDir()
	env := func(path string) []string {
		var e []string
		for _, kv := range goEnv(gocache) {
			if !strings.HasPrefix(kv, "PATH=") {
				e = append(e, kv)
			}
		}
		return append(e, "PATH="+path)
	}
	toolless := true // go's and sh's directories hold no toctou
	for _, d := range []string{goDir, shDir} {
		if _, err := os.Stat(filepath.Join(d, "toctou")); err == nil {
			toolless = false
		}
	}
	for _, line := range readmeToolCommands(t) {
		missing := runEnv(t, dir, env(goDir+string(os.PathListSeparator)+shDir), sh, "-c", line)
		if toolless && (missing.code == 0 || !strings.Contains(missing.stderr, "toctou")) {
			t.Errorf("%s without toctou on PATH: want a non-zero exit code and an error naming toctou\n%s", line, missing)
		}
		present := runEnv(t, dir, env(withTool+string(os.PathListSeparator)+goDir+string(os.PathListSeparator)+shDir), sh, "-c", line)
		if present.code != 0 || present.stdout+present.stderr != "" {
			t.Errorf("%s with toctou on PATH, on a clean module: want exit code 0 and no output\n%s", line, present)
		}
	}
}
