package analyzer_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssabuild"
)

func TestMetadata(t *testing.T) {
	if err := analysis.Validate(analyzer.Suite()); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, row := range analyzer.Passes() {
		name := row.Analyzer.Name
		if seen[name] {
			t.Errorf("pass %s listed twice", name)
		}
		seen[name] = true
		if len(row.CWE) == 0 || row.Since == "" || len(row.Categories) == 0 {
			t.Errorf("%s: metadata row lacks CWE, Since or Categories", name)
		}
		switch row.Severity {
		case analyzer.Error, analyzer.Warning, analyzer.Note:
		default:
			t.Errorf("%s: severity %q is not a SARIF level", name, row.Severity)
		}
		if !strings.Contains(row.Analyzer.URL, "docs/checks/"+name+".md") {
			t.Errorf("%s: URL %q does not point at its docs page", name, row.Analyzer.URL)
		}
		for _, c := range row.Categories {
			if !strings.Contains(row.Analyzer.Doc, c.Name) {
				t.Errorf("%s: category %s is not described in doc.go", name, c.Name)
			}
		}
	}
}

var (
	// A diagnostic expectation: // want "..." or // want `...`
	// (fact expectations, // want Name:"...", do not count).
	wantDiag     = regexp.MustCompile("// want [\"`]")
	noDiagnostic = regexp.MustCompile(`// no diagnostic`)
)

// TestGoodCasesOutnumberBad holds every pass to the project's rule: at
// least as many cases that must stay quiet as cases that must report.
func TestGoodCasesOutnumberBad(t *testing.T) {
	for _, row := range analyzer.Passes() {
		name := row.Analyzer.Name
		dir := filepath.Join("..", "passes", name, "testdata", "src")
		bad, good := 0, 0
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			bad += len(wantDiag.FindAll(data, -1))
			good += len(noDiagnostic.FindAll(data, -1))
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %d bad cases, %d good cases", name, bad, good)
		if bad == 0 || good < bad {
			t.Errorf("%s: %d good cases for %d bad ones; every pass needs at least as many good as bad", name, good, bad)
		}
	}
}

// TestSSAAfterEffects checks that every pass that builds the SSA
// requires the effects analyzer: effects installs the stop predicate for
// other packages' never-returning functions (ssabuild.SSA.SetImported)
// before any pass builds it, so the SSA, and every finding, is the same
// whichever pass builds it first.
func TestSSAAfterEffects(t *testing.T) {
	for _, row := range analyzer.Passes() {
		var ssa, eff bool
		for _, req := range row.Analyzer.Requires {
			ssa = ssa || req == ssabuild.Analyzer
			eff = eff || req == effects.Analyzer
		}
		if ssa && !eff {
			t.Errorf("%s requires ssabuild but not effects: its SSA could miss the stops effects installs", row.Analyzer.Name)
		}
	}
}
