package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Finding is one diagnostic of a pass, with its path relative to the
// module root.
type Finding struct {
	File      string
	Line, Col int
	Pass      string
	Category  string
	Message   string
	Fixes     int // suggested fixes offered (alternatives)
}

// String renders f as "file:line:col: [pass/category] message", on one line.
func (f Finding) String() string {
	msg := strings.ReplaceAll(f.Message, "\n", `\n`)
	return fmt.Sprintf("%s:%d:%d: [%s] %s", f.File, f.Line, f.Col, f.Key(), msg)
}

// Key is "pass/category" ("pass/-" without a category).
func (f Finding) Key() string {
	cat := f.Category
	if cat == "" {
		cat = "-"
	}
	return f.Pass + "/" + cat
}

// AnalysisError is an error a pass returned on a package (a panic turned
// into an error by the passes' Guard included).
type AnalysisError struct {
	Package, Pass, Message string
	Panic                  bool
}

// Analysis is the outcome of one "toctou -json" run on a corpus entry.
type Analysis struct {
	Measure       Measure
	Findings      []Finding       // unique, sorted by String
	Errors        []AnalysisError // sorted
	PackageErrors []string        // packages not analyzed because they do not load or type-check
	Stderr        string
}

// Lines returns the findings' lines, sorted.
func (a *Analysis) Lines() []string {
	lines := make([]string, len(a.Findings))
	for i, f := range a.Findings {
		lines[i] = f.String()
	}
	return lines
}

// FixCounts returns how many findings offer a fix and how many fixes are
// offered in all.
func (a *Analysis) FixCounts() (findings, fixes int) {
	for _, f := range a.Findings {
		if f.Fixes > 0 {
			findings++
			fixes += f.Fixes
		}
	}
	return findings, fixes
}

// toctouArgs returns the toctou command line of the analysis of ws, with
// extra flags before the patterns.
func toctouArgs(toctou string, ws *workspace, extra ...string) []string {
	args := append([]string{toctou}, extra...)
	if ws.entry.IsStd() {
		args = append(args, "-test=false")
	}
	return append(args, ws.entry.Patterns()...)
}

// analyze runs "toctou -json" on ws (every default pass, test files
// included except for std) and parses its output. profileDir, when not
// empty, receives CPU and memory profiles.
func analyze(ctx context.Context, env *toolEnv, toctou string, ws *workspace, profileDir string) (*Analysis, error) {
	extra := append([]string{"-json"}, env.toctouFlags...)
	if profileDir != "" {
		extra = append(extra,
			"-cpuprofile", filepath.Join(profileDir, ws.entry.Name+".cpu"),
			"-memprofile", filepath.Join(profileDir, ws.entry.Name+".mem"))
	}
	var stdout, stderr bytes.Buffer
	c := command{dir: ws.src, env: env.moduleEnv(ws), args: toctouArgs(toctou, ws, extra...), stdout: &stdout, stderr: &stderr}
	env.logf("%s$ %s", c.dir, strings.Join(c.args, " "))
	m, err := measure(ctx, c)
	if err != nil {
		return nil, err
	}
	a := &Analysis{Measure: m, Stderr: stderr.String()}
	if m.Exit != 0 && m.Exit != 1 {
		return a, fmt.Errorf("toctou -json on %s: exit status %d\n%s", ws.entry.Name, m.Exit, tail(stderr.String(), 4000))
	}
	if err := a.parse(&stdout, ws.relRoot); err != nil {
		return a, fmt.Errorf("toctou -json on %s: %v\n%s", ws.entry.Name, err, tail(stderr.String(), 4000))
	}
	if m.Exit == 1 && len(a.Errors) == 0 && len(a.PackageErrors) == 0 {
		// Exit status 1 with no error in the JSON output: the packages
		// did not load at all.
		return a, fmt.Errorf("toctou -json on %s: exit status 1 with no error in its JSON output\n%s", ws.entry.Name, tail(stderr.String(), 4000))
	}
	return a, nil
}

// jsonDiagnostic is a diagnostic of the checker's -json output.
type jsonDiagnostic struct {
	Posn           string            `json:"posn"`
	Message        string            `json:"message"`
	Category       string            `json:"category"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
}

// Messages of the checker's -json output that follow from a package that
// does not type-check, rather than from a pass.
const (
	skippedMessage      = "analysis skipped due to errors in package"
	failedPrereqsPrefix = "failed prerequisites:"
)

// parse reads the checker's -json output: a stream of objects
// {package ID: {analyzer: [diagnostic...] or {"error": message}}}.
func (a *Analysis) parse(r io.Reader, relRoot string) error {
	seen := make(map[string]bool)
	skipped := make(map[string]bool)
	dec := json.NewDecoder(r)
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return fmt.Errorf("reading JSON output: %v", err)
		}
		for pkg, byPass := range tree {
			for pass, raw := range byPass {
				if err := a.addEntry(pkg, pass, raw, relRoot, seen, skipped); err != nil {
					return err
				}
			}
		}
	}
	for pkg := range skipped {
		a.PackageErrors = append(a.PackageErrors, pkg)
	}
	slices.Sort(a.PackageErrors)
	slices.SortFunc(a.Findings, func(x, y Finding) int { return strings.Compare(x.String(), y.String()) })
	slices.SortFunc(a.Errors, func(x, y AnalysisError) int {
		return strings.Compare(x.Package+"\x00"+x.Pass+"\x00"+x.Message, y.Package+"\x00"+y.Pass+"\x00"+y.Message)
	})
	return nil
}

// addEntry records the output of one analyzer on one package. Findings
// that repeat (a package and its test variant report the same line) are
// kept once.
func (a *Analysis) addEntry(pkg, pass string, raw json.RawMessage, relRoot string, seen, skipped map[string]bool) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '{' {
		var e struct{ Error string }
		if err := json.Unmarshal(raw, &e); err != nil {
			return fmt.Errorf("package %s, %s: %v", pkg, pass, err)
		}
		switch {
		case e.Error == skippedMessage:
			skipped[pkg] = true
		case strings.HasPrefix(e.Error, failedPrereqsPrefix):
			// The failed prerequisite reports its own error.
		default:
			a.Errors = append(a.Errors, AnalysisError{Package: pkg, Pass: pass, Message: e.Error,
				Panic: strings.Contains(e.Error, "panic")})
		}
		return nil
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(raw, &diags); err != nil {
		return fmt.Errorf("package %s, %s: %v", pkg, pass, err)
	}
	for _, d := range diags {
		f, err := newFinding(pass, d, relRoot)
		if err != nil {
			return fmt.Errorf("package %s: %v", pkg, err)
		}
		if s := f.String(); !seen[s] {
			seen[s] = true
			a.Findings = append(a.Findings, f)
		}
	}
	return nil
}

// newFinding converts a diagnostic; its position "file:line:col" becomes
// relative to relRoot (kept absolute when outside it).
func newFinding(pass string, d jsonDiagnostic, relRoot string) (Finding, error) {
	file, line, col, err := splitPosn(d.Posn)
	if err != nil {
		return Finding{}, err
	}
	if rel, err := filepath.Rel(relRoot, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	return Finding{File: file, Line: line, Col: col, Pass: pass, Category: d.Category,
		Message: d.Message, Fixes: len(d.SuggestedFixes)}, nil
}

// splitPosn splits "file:line:col".
func splitPosn(posn string) (file string, line, col int, err error) {
	rest, colStr, ok1 := cutLast(posn, ":")
	file, lineStr, ok2 := cutLast(rest, ":")
	line, err1 := strconv.Atoi(lineStr)
	col, err2 := strconv.Atoi(colStr)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		return "", 0, 0, fmt.Errorf("position %q is not file:line:col", posn)
	}
	return file, line, col, nil
}

// cutLast slices s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
