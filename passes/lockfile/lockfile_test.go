package lockfile_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/lockfile"
)

// TestLockfile runs the pass over the main testdata, facts included.
func TestLockfile(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lockfile.Analyzer,
		"a", "example.com/iox", "example.com/connect", "example.com/lockuser", "loggers", "staging", "example.com/stop", "stopuse", "records/...")
}

// TestIncludeTests checks that -lockfile.tests reports in _test.go files.
func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), lockfile.Analyzer, "intests")
}

// TestStale checks the default-off stale-lock-no-recovery category.
func TestStale(t *testing.T) {
	setFlag(t, "stale", "true")
	analysistest.Run(t, analysistest.TestData(), lockfile.Analyzer, "stale")
}

// TestFixes compares the suggested fixes with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), lockfile.Analyzer, "fixes", "fiximports")
}

// TestCgo checks that findings in files cgo rewrote are reported, without
// fixes.
func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), lockfile.Analyzer, "cgouser")
}

// TestFixesCompile applies every suggested fix in the testdata (not only
// the golden packages) and type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), lockfile.Analyzer,
		"a", "example.com/iox", "example.com/connect", "example.com/lockuser", "fixes", "fiximports", "oneleak")
}

// setFlag sets one of the analyzer's flags for the duration of a test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := lockfile.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestOneReportPerAcquisition checks that the exits of one acquisition
// that leak the lock are one diagnostic, the other exits related.
func TestOneReportPerAcquisition(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), lockfile.Analyzer, "oneleak")
	var n int
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if got := len(d.Related); got != 3 {
				t.Errorf("%s: %d related locations, want 3 (the acquisition and two other returns)", d.Message, got)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d diagnostics, want 1", n)
	}
}
