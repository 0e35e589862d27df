package byname_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
	"github.com/toctou/toctou/internal/relevance/relevancetest"

	"github.com/toctou/toctou/passes/byname"
)

// TestRoles checks the relevance model's program roles: findings in
// examples and developer tools are the opt-in category developer-code
// (every driver shows them only with -byname.all), -byname.tools reports
// them under their own categories, and a library under tools/ is
// ordinary code.
func TestRoles(t *testing.T) {
	relevancetest.Roles(t, byname.Analyzer)
}

// quietT is an analysistest.Testing that ignores the expectations.
type quietT struct{}

func (quietT) Errorf(string, ...any) {}

// TestPrivateDirs checks the relevance model's "who can race" for
// byname: in directories only the program's user or root can write, or
// that the function made itself, the reports move to the opt-in
// category private-dir, dropped by every driver unless -byname.all.
func TestPrivateDirs(t *testing.T) {
	var wrapped *analysis.Analyzer
	for _, a := range driver.Analyzers(analyzer.Passes(), nil) {
		if a.Name == "byname" {
			wrapped = a
		}
	}
	analysistest.Run(t, analysistest.TestData(), wrapped, "privatedirs")

	// line is a line of one of the package's files.
	type line struct {
		file string
		n    int
	}
	dir := filepath.Join(analysistest.TestData(), "src", "privatedirs")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	marked := map[line]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "(private-dir)") && !strings.HasPrefix(strings.TrimSpace(l), "//") {
				marked[line{filepath.Base(file), i + 1}] = true
			}
		}
	}
	seen := map[line]bool{}
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), byname.Analyzer, "privatedirs") {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			l := line{filepath.Base(pos.Filename), pos.Line}
			if got, want := d.Category == byname.PrivateDir, marked[l]; got != want {
				t.Errorf("%s:%d: category %s: %s", l.file, l.n, d.Category, d.Message)
			}
			seen[l] = true
		}
	}
	if len(marked) == 0 {
		t.Fatal("no line marked (private-dir)")
	}
	for l := range marked {
		if !seen[l] {
			t.Errorf("%s:%d: not reported in private-dir", l.file, l.n)
		}
	}
}
