package byname_test

import (
	"os/exec"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/byname"
)

// TestByname checks the diagnostics and facts of the main testdata packages.
func TestByname(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), byname.Analyzer, "a", "example.com/fileutil", "example.com/app", "cobracmd")
}

// TestTimesOnlyOptIn checks that a change of times by name is left out
// of the default output (byname as every driver runs it) and is reported
// in chtimes-by-name by the bare pass, which -byname.all shows.
func TestTimesOnlyOptIn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), drivenByname(t), "timesonly")
	if got, want := bareCategories("timesonly"), []string{byname.ChtimesByName, byname.ChownByName}; !slices.Equal(got, want) {
		t.Errorf("bare pass categories %v, want %v", got, want)
	}
}

// TestSizeOnlyOptIn checks that a stat by name whose answer is used only
// for a size that bounds no read of the handle is in the opt-in category
// stat-size-only, and that the bare pass still reports it there.
func TestSizeOnlyOptIn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), drivenByname(t), "sizeonly")
	want := []string{byname.StatSizeOnly, byname.StatSizeOnly, byname.StatSizeOnly, byname.StatByName, byname.StatByName, byname.StatByName}
	if got := bareCategories("sizeonly"); !slices.Equal(got, want) {
		t.Errorf("bare pass categories %v, want %v", got, want)
	}
}

// TestChmodUnsharedOptIn checks that a change of mode by name outside a
// shared directory is left out of the default output and is reported in
// chmod-unshared by the bare pass, which -byname.all shows, while a chmod
// in a shared directory, a chown and a truncate stay in their categories.
func TestChmodUnsharedOptIn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), drivenByname(t), "unshared")
	want := []string{byname.ChmodUnshared, byname.ChmodUnshared, byname.ChmodUnshared, byname.ChmodByName, byname.ChmodByName, byname.ChownByName, byname.TruncateByName}
	if got := bareCategories("unshared"); !slices.Equal(got, want) {
		t.Errorf("bare pass categories %v, want %v", got, want)
	}
}

// drivenByname returns byname as the driver runs it, with its opt-in
// categories left out.
func drivenByname(t *testing.T) *analysis.Analyzer {
	t.Helper()
	for _, a := range driver.Analyzers(analyzer.Passes(), nil) {
		if a.Name == "byname" {
			return a
		}
	}
	t.Fatal("no byname in driver.Analyzers")
	return nil
}

// bareCategories returns the categories of the bare pass's diagnostics on
// the testdata package pkg, in order.
func bareCategories(pkg string) []string {
	var cats []string
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), byname.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			cats = append(cats, d.Category)
		}
	}
	return cats
}

// TestIncludeTests checks that -byname.tests reports in _test.go files.
func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), byname.Analyzer, "intests")
}

// TestFixes compares the suggested fixes with the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), byname.Analyzer, "fixes", "fiximports")
}

// TestCgo checks that cgo files are analyzed and reported without fixes.
func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), byname.Analyzer, "cgouser")
}

// TestFixesCompile applies every suggested fix in the testdata (not only
// the golden packages) and type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), byname.Analyzer,
		"a", "example.com/fileutil", "example.com/app", "fixes", "fiximports")
}

// setFlag sets one of the analyzer's flags for the duration of a test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := byname.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
