package partialwrite_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/partialwrite"
)

// TestPartialwrite checks every diagnostic, fact and golden fix.
func TestPartialwrite(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), partialwrite.Analyzer,
		"a", "example.com/fsutil", "example.com/b", "fixes")
}

// TestMootClasses checks the shapes that are real in form but moot: renames
// onto a tmpfs, and read-modify-writes under a file lock or that
// regenerate what they could not read.
func TestMootClasses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), partialwrite.Analyzer, "tmpfs", "rmwlock", "regen", "kernelfiles")
}

// TestIncludeTests checks that -partialwrite.tests reports in _test.go files.
func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), partialwrite.Analyzer, "intests")
}

// TestReadModifyWriteOff checks that -partialwrite.rmw=false silences only
// the read-modify-write category.
func TestReadModifyWriteOff(t *testing.T) {
	setFlag(t, "rmw", "false")
	analysistest.Run(t, analysistest.TestData(), partialwrite.Analyzer, "rmwoff")
}

// TestCgo checks that findings in cgo files are reported, without fixes.
func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), partialwrite.Analyzer, "cgouser")
}

// TestFixesCompile applies every suggested fix in the testdata and
// type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), partialwrite.Analyzer,
		"a", "example.com/fsutil", "example.com/b", "fixes", "cgouser")
}

// setFlag sets one of the analyzer's flags for the duration of a test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := partialwrite.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
