package pathrace_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/pathrace"
)

func TestPathrace(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "a", "example.com/fsutil", "example.com/b", "example.com/ctx/io", "example.com/ctx/sync", "cobracmd", "kindcreate", "example.com/quietuse", "libuse", "symlinkparts")
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "intests")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), pathrace.Analyzer, "fixes", "fiximports", "stalelock")
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

// TestFixesCompile applies every suggested fix in the testdata (not only
// the golden packages) and type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), pathrace.Analyzer,
		"a", "example.com/fsutil", "example.com/b", "fixes", "fiximports", "kindcreate", "onerace", "libuse", "stalelock")
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
