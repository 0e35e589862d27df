package pathrace_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/pathrace"
)

func TestPathrace(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "a", "example.com/fsutil", "example.com/b", "example.com/ctx/io", "example.com/ctx/sync", "cobracmd", "kindcreate", "example.com/quietuse", "contentstore", "libuse", "symlinkparts", "example.com/die", "exituse")
}

// TestFSAbstractions runs the checks and uses through io/fs, os.Root
// and interfaces with the os shapes (issue 13, spelling 2).
func TestFSAbstractions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "example.com/fsabsutil", "fsabs")
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "intests")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), pathrace.Analyzer, "fixes", "fiximports", "fsabsfix", "stalelock")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := pathrace.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Value.Set(old); err != nil {
			t.Error(err)
		}
	})
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "cgouser")
}

// TestRemade checks that a use of a file the function made anew after
// the check (a create of the path, a Unix socket bound there) is not
// reported, and that binds on one branch, of another path or of a TCP
// address are no such thing.
func TestRemade(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "remade")
}

// TestFixesCompile applies every suggested fix in the testdata (not only
// the golden packages) and type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), pathrace.Analyzer,
		"a", "example.com/fsutil", "example.com/b", "fixes", "fiximports", "kindcreate", "onerace", "fsabs", "fsabsfix", "libuse", "stalelock")
}

// TestOneReportPerRace checks that the uses one check decides are one
// diagnostic, with the check and the other uses as related locations.
func TestOneReportPerRace(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "onerace")
	var n int
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if got := len(d.Related); got != 3 {
				t.Errorf("%s: %d related locations, want 3 (the check and two other reads)", d.Message, got)
			}
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s: a fix offered for a race with several uses", d.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d diagnostics, want 1", n)
	}
}

// TestPrivateDirs checks the relevance model's "who can race": races in
// directories only the program's user or root can write, or that the
// function made itself, are left out of the default output (the pass as
// every driver runs it), and with -pathrace.all they come back in the
// category private-dir, exactly on the lines marked "(private-dir)".
//
// Its races are mostly writes when absent, which are no locks: the
// driver here shows write-if-absent, so that who can race is what
// decides (whatBreaks would hide most of them otherwise).
func TestPrivateDirs(t *testing.T) {
	testOptInLines(t, wrapped(t, pathrace.WriteIfAbsent), "privatedirs", pathrace.PrivateDir, pathrace.SymlinkCheckThenRead)
}

// TestWhatBreaks checks the relevance model's "what does the race
// break?" asked of the use: a change of times only, a read after a
// symbolic-link check, and an empty marker made outside a shared
// directory, are left out of the default output, and with
// -pathrace.all they come back in their own opt-in categories, exactly
// on the lines marked with the category's name in parentheses.
func TestWhatBreaks(t *testing.T) {
	testOptInLines(t, wrapped(t), "whatbreaks", pathrace.TimesIfPresent, pathrace.ModeIfPresent, pathrace.SymlinkCheckThenRead, pathrace.EmptyMarkerIfAbsent, pathrace.FixedContentIfAbsent, pathrace.WriteIfAbsent)
}

// testOptInLines runs pkg through pathrace as every driver runs it (its
// want comments are the default output), then through the bare pass,
// and checks that each opt-in category of cats is reported exactly on
// the lines of pkg marked "(category)".
func testOptInLines(t *testing.T, driven *analysis.Analyzer, pkg string, cats ...string) {
	t.Helper()
	analysistest.Run(t, analysistest.TestData(), driven, pkg)

	dir := filepath.Join(analysistest.TestData(), "src", pkg)
	marked := map[string]map[int]bool{}
	for _, cat := range cats {
		marked[cat] = markedLines(t, dir, "("+cat+")")
		if len(marked[cat]) == 0 {
			t.Fatalf("no line marked (%s)", cat)
		}
	}
	seen := map[string]map[int]bool{}
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), pathrace.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			for _, cat := range cats {
				if got, want := d.Category == cat, marked[cat][line]; got != want {
					t.Errorf("line %d: category %s, marked (%s) %v: %s", line, d.Category, cat, want, d.Message)
				}
			}
			if seen[d.Category] == nil {
				seen[d.Category] = map[int]bool{}
			}
			seen[d.Category][line] = true
		}
	}
	for _, cat := range cats {
		t.Logf("%d %s lines, %d reported with -all", len(marked[cat]), cat, len(seen[cat]))
		for line := range marked[cat] {
			if !seen[cat][line] {
				t.Errorf("line %d: not reported in %s", line, cat)
			}
		}
	}
}

// wrapped returns pathrace as every driver runs it (package driver):
// opt-in categories dropped unless -pathrace.all.
//
// The categories of shown, opt-in in the table, are on in it.
func wrapped(t *testing.T, shown ...string) *analysis.Analyzer {
	rows := analyzer.Passes()
	for i, row := range rows {
		cats := slices.Clone(row.Categories)
		for j := range cats {
			if slices.Contains(shown, cats[j].Name) {
				cats[j].OptIn = false
			}
		}
		rows[i].Categories = cats
	}
	for _, a := range driver.Analyzers(rows, nil) {
		if a.Name == "pathrace" {
			return a
		}
	}
	t.Fatal("no pathrace in driver.Analyzers")
	return nil
}

// markedLines returns the lines of the .go files in dir whose text
// contains mark.
func markedLines(t *testing.T, dir, mark string) map[int]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) != 1 {
		t.Fatalf("want one file in %s: %v %v", dir, files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, mark) && !strings.HasPrefix(strings.TrimSpace(l), "//") {
			lines[i+1] = true
		}
	}
	return lines
}

// quietT is an analysistest.Testing that ignores the expectations.
type quietT struct{}

func (quietT) Errorf(string, ...any) {}
