package main

// End-to-end tests of the toctou binary on the demo module in the
// repository's testdata/ directory: standalone, as go vet's -vettool, and
// as go fix's -fixtool. They build the binary once, run it on copies of
// the demo module, and compare the results with golden files under
// testdata/ in this directory. Regenerate the goldens with
//
//	go test ./cmd/toctou -update
//
// and review the diff. The tests need the go command but not the network.
// They are skipped under -short.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

var update = flag.Bool("update", false, "rewrite the golden files under cmd/toctou/testdata")

const (
	demoDir        = "../../testdata"             // the demo module
	standaloneFile = "testdata/standalone.golden" // findings of "toctou ./...", without check names, sorted
	textFile       = "testdata/text.golden"       // text output of "toctou ./...", exactly
	fixedDir       = "testdata/fixed"             // files changed by the fixes, as NAME.golden
)

var (
	tmpRoot   string // removed by TestMain
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "toctou-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// toctou returns the path of the toctou binary, building it on first use.
func toctou(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: builds and runs the toctou binary and the go command")
	}
	buildOnce.Do(func() {
		binPath = filepath.Join(tmpRoot, "bin", "toctou")
		cmd := exec.Command("go", "build", "-buildvcs=false", "-o", binPath, ".")
		cmd.Env = goEnv("")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// goEnv is the environment of every command the tests run: the user's
// environment without the settings that would change what the go command
// does (GOFLAGS, a toolchain switch, a workspace, the network), and with
// the given GOCACHE unless it is "".
func goEnv(gocache string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOFLAGS", "GOTOOLCHAIN", "GOWORK", "GO111MODULE", "GOPROXY", "GOCACHE":
			continue
		}
		env = append(env, kv)
	}
	// The demo module has no requirements: it needs no proxy and no
	// go.sum. A non-empty GOFLAGS also overrides one set with "go env -w".
	env = append(env, "GOFLAGS=-mod=readonly", "GOTOOLCHAIN=local", "GOWORK=off", "GO111MODULE=on", "GOPROXY=off")
	if gocache != "" {
		env = append(env, "GOCACHE="+gocache)
	}
	return env
}

// demoCopy copies the demo module into a fresh directory and returns it.
func demoCopy(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	if err := copyTree(demoDir, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs a command in dir and returns its exit code and output, with
// dir's path removed so that file names are relative to it.
func run(t *testing.T, dir, gocache string, name string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, goEnv(gocache), name, args...)
}

// runEnv is run with the environment env.
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	clean := func(s string) string {
		s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
		var b strings.Builder
		for line := range strings.Lines(s) {
			b.WriteString(strings.TrimPrefix(line, "./")) // go vet says ./x.go for errors
		}
		return b.String()
	}
	return result{code, clean(stdout.String()), clean(stderr.String())}
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\n-- stdout --\n%s-- stderr --\n%s", r.code, r.stdout, r.stderr)
}

// A finding is one line of text output: a diagnostic or, with a message
// that starts with a tab, its related location.
type finding struct{ posn, message string }

var findingLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): (.*)$`)

// textFindings parses the text output of the standalone checker or of go
// vet, ignoring go vet's "# package" lines.
func textFindings(t *testing.T, out string) []finding {
	t.Helper()
	var fs []finding
	for line := range strings.Lines(out) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		m := findingLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("unexpected output line %q", line)
			continue
		}
		fs = append(fs, finding{m[1], m[2]})
	}
	return fs
}

// standaloneFindings parses the text output of the standalone checker,
// "file:line:col: check: message" (a related location with a tab before
// the message), into findings without the check's name, as go vet prints
// them. A line without a known check's name is an error.
func standaloneFindings(t *testing.T, out string) []finding {
	t.Helper()
	known := map[string]bool{driver.CheckerName: true}
	for _, p := range analyzer.Passes() {
		known[p.Analyzer.Name] = true
	}
	fs := textFindings(t, out)
	for i, f := range fs {
		check, msg, ok := strings.Cut(f.message, ": ")
		if !ok || !known[check] {
			t.Errorf("%s: %q does not start with a check's name", f.posn, f.message)
			continue
		}
		fs[i].message = msg
	}
	return fs
}

// sortedText renders findings as text, a diagnostic followed by its
// related lines, the diagnostics in file and line order, so that output
// produced in parallel compares equal.
func sortedText(fs []finding) string {
	var groups [][]finding
	for _, f := range fs {
		if strings.HasPrefix(f.message, "\t") && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], f)
		} else {
			groups = append(groups, []finding{f})
		}
	}
	slices.SortStableFunc(groups, func(a, b []finding) int { return comparePosn(a[0].posn, b[0].posn) })
	var b strings.Builder
	for _, g := range groups {
		for _, f := range g {
			fmt.Fprintf(&b, "%s: %s\n", f.posn, f.message)
		}
	}
	return b.String()
}

// comparePosn orders "file:line:col" strings by file, then numerically.
func comparePosn(a, b string) int {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	if la != lb {
		return la - lb
	}
	return ca - cb
}

func splitPosn(p string) (file string, line, col int) {
	file, rest, _ := strings.Cut(p, ".go:")
	l, c, _ := strings.Cut(rest, ":")
	line, _ = strconv.Atoi(l) // 0 for a malformed position: it sorts first
	col, _ = strconv.Atoi(c)
	return file + ".go", line, col
}

// jsonDiag is a diagnostic in the -json output of both drivers.
type jsonDiag struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

type jsonResult struct {
	analyzer string
	diag     jsonDiag
}

// jsonDiags parses -json output: one JSON object from the standalone
// checker, or one per package from go vet, each mapping package IDs to
// analyzer names to a list of diagnostics or an error object.
func jsonDiags(t *testing.T, out string) []jsonResult {
	t.Helper()
	var results []jsonResult
	seen := make(map[string]bool) // a file of p is also in p's test variant
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		err := dec.Decode(&tree)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("-json output does not parse: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("%s: %s: not a list of diagnostics (%v): %s", pkg, name, err, raw)
					continue
				}
				for _, d := range diags {
					key := name + "\x00" + d.Posn + "\x00" + d.Message
					if !seen[key] {
						seen[key] = true
						results = append(results, jsonResult{name, d})
					}
				}
			}
		}
	}
	return results
}

// findings converts -json results into text findings.
func findings(results []jsonResult) []finding {
	var fs []finding
	for _, r := range results {
		fs = append(fs, finding{r.diag.Posn, r.diag.Message})
		for _, rel := range r.diag.Related {
			fs = append(fs, finding{rel.Posn, "\t" + rel.Message})
		}
	}
	return fs
}

func TestStandalone(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := demoCopy(t)

	r := run(t, dir, "", bin, "./...")
	if r.code != 3 {
		t.Errorf("toctou ./...: want exit code 3 (diagnostics)\n%s", r)
	}
	if r.stdout != "" {
		t.Errorf("toctou ./... wrote to stdout:\n%s", r.stdout)
	}
	// The text output exactly, "file:line:col: check: message" sorted by
	// position; the findings without the check's name, as go vet and the
	// other drivers print them, are the golden of every driver.
	golden(t, textFile, r.stderr)
	text := sortedText(standaloneFindings(t, r.stderr))
	golden(t, standaloneFile, text)

	// -json: exit code 0, and the same diagnostics.
	js := run(t, dir, "", bin, "-json", "./...")
	if js.code != 0 {
		t.Errorf("toctou -json ./...: want exit code 0\n%s", js)
	}
	results := jsonDiags(t, js.stdout)
	if got := sortedText(findings(results)); got != text {
		t.Errorf("toctou -json ./... reports other diagnostics than the text output:\n%s\nwant:\n%s", got, text)
	}
	checkCategories(t, results)

	// -pathrace selects only pathrace.
	sel := run(t, dir, "", bin, "-json", "-pathrace", "./...")
	if sel.code != 0 {
		t.Errorf("toctou -json -pathrace ./...: want exit code 0\n%s", sel)
	}
	var want []jsonResult
	for _, r := range results {
		if r.analyzer == "pathrace" {
			want = append(want, r)
		}
	}
	if len(want) == 0 {
		t.Errorf("no pathrace diagnostics in the demo module")
	}
	selected := jsonDiags(t, sel.stdout)
	for _, r := range selected {
		if r.analyzer != "pathrace" {
			t.Errorf("toctou -pathrace ran %s too", r.analyzer)
		}
	}
	if got, want := sortedText(findings(selected)), sortedText(findings(want)); got != want {
		t.Errorf("toctou -pathrace ./... reports:\n%s\nwant the pathrace diagnostics of the full run:\n%s", got, want)
	}
	textSel := run(t, dir, "", bin, "-pathrace", "./...")
	if textSel.code != 3 {
		t.Errorf("toctou -pathrace ./...: want exit code 3\n%s", textSel)
	}

	// A package without findings: exit code 0, no output.
	if clean := run(t, dir, "", bin, "./fsutil"); clean.code != 0 || clean.stdout+clean.stderr != "" {
		t.Errorf("toctou ./fsutil: want exit code 0 and no output\n%s", clean)
	}

	// One package alone still sees through the wrapper of a sibling package
	// (pidfile's check is fsutil.Exists): the same findings as in ./...,
	// and none of the sibling's.
	one := run(t, dir, "", bin, "./pidfile")
	if one.code != 3 {
		t.Errorf("toctou ./pidfile: want exit code 3\n%s", one)
	}
	var pidfileLines []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "pidfile/") {
			pidfileLines = append(pidfileLines, line)
		}
	}
	if len(pidfileLines) == 0 {
		t.Errorf("no pidfile findings in the demo module's golden output")
	}
	if got := strings.TrimSpace(sortedText(standaloneFindings(t, one.stderr))); got != strings.Join(pidfileLines, "\n") {
		t.Errorf("toctou ./pidfile reports:\n%s\nwant the pidfile findings of ./...:\n%s", got, strings.Join(pidfileLines, "\n"))
	}
}

// checkCategories checks that every diagnostic has a category documented
// in the metadata table (and so an anchor in docs/checks/NAME.md).
func checkCategories(t *testing.T, results []jsonResult) {
	t.Helper()
	known := make(map[string]bool)
	for _, p := range analyzer.Passes() {
		for _, c := range p.Categories {
			known[p.Analyzer.Name+"#"+c.Name] = true
		}
	}
	for _, r := range results {
		if !known[r.analyzer+"#"+r.diag.Category] {
			t.Errorf("%s: %s diagnostic has category %q, not in analyzer.Passes()", r.diag.Posn, r.analyzer, r.diag.Category)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := filepath.Join(t.TempDir(), "broken")
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/broken\n\ngo 1.26.0\n",
		"x.go":   "package broken\n\nfunc f() int { return \"not an int\" }\n",
	})
	gocache := t.TempDir()
	for _, args := range [][]string{
		{bin, "./..."},
		{bin, "-json", "./..."},
		{bin, "-fix", "./..."},
		{bin, "-fix", "-diff", "./..."},
		{bin, "-sarif", "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
		{"go", "vet", "-vettool=" + bin, "-json", "./..."},
		{"go", "vet", "-vettool=" + bin, "-fix", "-diff", "./..."},
		{"go", "fix", "-fixtool=" + bin, "./..."},
		{"go", "fix", "-fixtool=" + bin, "-diff", "./..."},
	} {
		r := run(t, dir, gocache, args[0], args[1:]...)
		if r.code != 1 || !strings.Contains(r.stdout+r.stderr, "x.go:3:") {
			t.Errorf("%s on a package with a type error: want exit code 1 and the error\n%s", strings.Join(args, " "), r)
		}
	}
}

func TestVet(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := demoCopy(t)
	// A fresh cache: with Go 1.26.8, go vet caches "no diagnostics" for a
	// package it analyzed only as a dependency, and replays that when the
	// package is vetted later (see docs/design.md). So within this cache,
	// every package is vetted as a root before it is a dependency.
	gocache := t.TempDir()
	vettool := "-vettool=" + bin

	// A package without findings first: it is a root here.
	if r := run(t, dir, gocache, "go", "vet", vettool, "./fsutil"); r.code != 0 || r.stdout+r.stderr != "" {
		t.Errorf("go vet ./fsutil: want exit code 0 and no output\n%s", r)
	}

	// go vet's own analyzers run too (vetsuite.go); the demo module gives
	// them nothing to report, so the findings are the standalone ones.
	r := run(t, dir, gocache, "go", "vet", vettool, "./...")
	if r.code != 1 {
		t.Errorf("go vet ./...: want exit code 1 (diagnostics)\n%s", r)
	}
	got := sortedText(textFindings(t, r.stderr))
	if want := readGolden(t, standaloneFile); got != want {
		t.Errorf("go vet ./... reports:\n%s\nwant the standalone diagnostics (%s):\n%s", got, standaloneFile, want)
	}

	js := run(t, dir, gocache, "go", "vet", vettool, "-json", "./...")
	if js.code != 0 {
		t.Errorf("go vet -json ./...: want exit code 0\n%s", js)
	}
	// go vet -json writes to stderr.
	if got := sortedText(findings(jsonDiags(t, js.stdout+js.stderr))); got != readGolden(t, standaloneFile) {
		t.Errorf("go vet -json ./... reports:\n%s\nwant the standalone diagnostics", got)
	}

	if r := run(t, dir, gocache, "go", "vet", vettool, "-fix", "-diff", "./fsutil"); r.code != 0 || r.stdout+r.stderr != "" {
		t.Errorf("go vet -fix -diff ./fsutil: want exit code 0 and no diff\n%s", r)
	}
	diff := run(t, dir, gocache, "go", "vet", vettool, "-fix", "-diff", "./...")
	if diff.code != 1 || diff.stdout == "" {
		t.Errorf("go vet -fix -diff ./...: want exit code 1 and a diff\n%s", diff)
	}
	checkUnchanged(t, dir)

	// go vet -fix applies the same fixes as go fix (see TestFix).
	if r := run(t, dir, gocache, "go", "vet", vettool, "-fix", "./..."); r.code != 0 {
		t.Errorf("go vet -fix ./...: want exit code 0\n%s", r)
	}
	if !*update {
		goldenTree(t, changedFiles(t, dir))
	}
}

func TestFix(t *testing.T) {
	t.Parallel()
	bin := toctou(t)

	// go fix -fixtool.
	goFixDir := demoCopy(t)
	gocache := t.TempDir() // see TestVet
	fixtool := "-fixtool=" + bin
	if r := run(t, goFixDir, gocache, "go", "fix", fixtool, "-diff", "./fsutil"); r.code != 0 || r.stdout+r.stderr != "" {
		t.Errorf("go fix -diff ./fsutil: want exit code 0 and no diff\n%s", r)
	}
	diff := run(t, goFixDir, gocache, "go", "fix", fixtool, "-diff", "./...")
	if diff.code != 1 || diff.stdout == "" {
		t.Errorf("go fix -diff ./...: want exit code 1 and a diff\n%s", diff)
	}
	checkUnchanged(t, goFixDir)
	if r := run(t, goFixDir, gocache, "go", "fix", fixtool, "./..."); r.code != 0 || r.stdout+r.stderr != "" {
		t.Errorf("go fix ./...: want exit code 0 and no output\n%s", r)
	}
	changed := changedFiles(t, goFixDir)
	if len(changed) == 0 {
		t.Errorf("go fix ./... changed nothing")
	}
	goldenTree(t, changed)
	if r := run(t, goFixDir, gocache, "go", "build", "./..."); r.code != 0 {
		t.Errorf("the module fixed by go fix does not build\n%s", r)
	}

	// toctou -fix, on another copy, makes the same changes.
	fixDir := demoCopy(t)
	sdiff := run(t, fixDir, "", bin, "-fix", "-diff", "./...")
	if sdiff.code != 0 || sdiff.stdout == "" {
		t.Errorf("toctou -fix -diff ./...: want exit code 0 and a diff\n%s", sdiff)
	}
	if got, want := diffSections(sdiff.stdout), diffSections(diff.stdout); got != want {
		t.Errorf("toctou -fix -diff and go fix -diff differ:\n%s\ngo fix -diff:\n%s", got, want)
	}
	checkUnchanged(t, fixDir)
	if r := run(t, fixDir, "", bin, "-fix", "./..."); r.code != 0 {
		t.Errorf("toctou -fix ./...: want exit code 0\n%s", r)
	}
	if got := changedFiles(t, fixDir); !equalFiles(got, changed) {
		t.Errorf("toctou -fix changed %v; go fix changed %v, or differently", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(changed)))
	}

	// What remains are the diagnostics that offered no fix. (Compared by
	// file and message: fixes elsewhere in a file move the lines.)
	before := jsonDiags(t, run(t, demoCopy(t), "", bin, "-json", "./...").stdout)
	after := jsonDiags(t, run(t, fixDir, "", bin, "-json", "./...").stdout)
	fileAndMessage := func(r jsonResult) string {
		file, _, _ := splitPosn(r.diag.Posn)
		return file + ": " + r.diag.Message
	}
	var unfixable, remaining []string
	for _, r := range before {
		if len(r.diag.SuggestedFixes) == 0 {
			unfixable = append(unfixable, fileAndMessage(r))
		}
	}
	for _, r := range after {
		remaining = append(remaining, fileAndMessage(r))
	}
	slices.Sort(unfixable)
	slices.Sort(remaining)
	if !slices.Equal(remaining, unfixable) {
		t.Errorf("after toctou -fix, the diagnostics are\n\t%s\nwant those that had no fix:\n\t%s",
			strings.Join(remaining, "\n\t"), strings.Join(unfixable, "\n\t"))
	}
}

// diffSections splits a unified diff of several files into per-file
// sections and returns them sorted, so that diffs printed per package in
// any order compare equal.
func diffSections(diff string) string {
	var sections []string
	for line := range strings.Lines(diff) {
		if strings.HasPrefix(line, "--- ") || len(sections) == 0 {
			sections = append(sections, "")
		}
		sections[len(sections)-1] += line
	}
	slices.Sort(sections)
	return strings.Join(sections, "")
}

// changedFiles returns the files of dir that differ from the demo module,
// keyed by slash-separated relative path. Added or removed files are an
// error.
func changedFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	orig, err := readTree(demoDir)
	if err != nil {
		t.Fatal(err)
	}
	now, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	changed := make(map[string][]byte)
	for name, data := range now {
		old, ok := orig[name]
		if !ok {
			t.Errorf("%s: new file %s", dir, name)
		} else if !bytes.Equal(old, data) {
			changed[name] = data
		}
	}
	for name := range orig {
		if _, ok := now[name]; !ok {
			t.Errorf("%s: file %s was removed", dir, name)
		}
	}
	return changed
}

func checkUnchanged(t *testing.T, dir string) {
	t.Helper()
	if changed := changedFiles(t, dir); len(changed) > 0 {
		t.Errorf("files changed: %v", slices.Sorted(maps.Keys(changed)))
	}
}

// goldenTree compares the changed files with testdata/fixed/NAME.golden,
// or rewrites those under -update.
func goldenTree(t *testing.T, changed map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(fixedDir); err != nil {
			t.Fatal(err)
		}
		for name, data := range changed {
			writeFiles(t, fixedDir, map[string]string{name + ".golden": string(data)})
		}
		return
	}
	want, err := readTree(fixedDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	for name, data := range want {
		src, ok := strings.CutSuffix(name, ".golden")
		if !ok {
			t.Errorf("%s/%s: not a .golden file", fixedDir, name)
			continue
		}
		got, ok := changed[src]
		switch {
		case !ok:
			t.Errorf("%s was not changed by the fixes, but %s/%s expects it to be", src, fixedDir, name)
		case !bytes.Equal(got, data):
			t.Errorf("%s after the fixes differs from %s/%s (run go test ./cmd/toctou -update and review):\n%s",
				src, fixedDir, name, got)
		}
	}
	for name := range changed {
		if _, ok := want[name+".golden"]; !ok {
			t.Errorf("the fixes changed %s, but there is no %s/%s.golden (run go test ./cmd/toctou -update and review)", name, fixedDir, name)
		}
	}
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		writeFiles(t, ".", map[string]string{file: got})
		return
	}
	if want := readGolden(t, file); got != want {
		t.Errorf("output differs from %s (run go test ./cmd/toctou -update and review):\n-- got --\n%s-- want --\n%s", file, got, want)
	}
}

func readGolden(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/toctou -update)", err)
	}
	return string(data)
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns the regular files under dir, keyed by slash-separated
// relative path.
func readTree(dir string) (map[string][]byte, error) {
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	return files, err
}

func copyTree(src, dst string) error {
	files, err := readTree(src)
	if err != nil {
		return err
	}
	for name, data := range files {
		path := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}
