package tempname_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/tempname"
)

func TestTempname(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "a", "example.com/tmputil", "example.com/b")
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "intests")
}

func TestTestsSkippedByDefault(t *testing.T) {
	// Without -tempname.tests the test file's findings are not reported;
	// analysistest would fail on the unmatched expectation, so check directly.
	results := analysistest.Run(nopT{t}, analysistest.TestData(), tempname.Analyzer, "intests")
	for _, r := range results {
		if len(r.Diagnostics) > 0 {
			t.Errorf("%s: %d diagnostics in test files without -tempname.tests", r.Pass.Pkg.Path(), len(r.Diagnostics))
		}
	}
}

// nopT swallows analysistest's complaints about unmatched expectations.
type nopT struct{ *testing.T }

func (nopT) Errorf(string, ...any) {}

func TestBuildConstraints(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "goos")
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "cgouser")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := tempname.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tempname.Analyzer, "fixes", "fiximports")
}

// TestFixesCompile applies every suggested fix in the testdata (not only
// the golden packages) and type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), tempname.Analyzer,
		"a", "example.com/tmputil", "example.com/b", "fixes", "fiximports", "goos", "intests")
}

// TestTestFilesSilenceNothing checks that a _test.go file that makes a
// directory exclusively, or sets a package-level name, does not silence
// the findings of the non-test files.
func TestTestFilesSilenceNothing(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "testsilence")
}
