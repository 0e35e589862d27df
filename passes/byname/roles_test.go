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

	"github.com/toctou/toctou/passes/byname"
)

// developerPackages are an example, a developer tool and developer
// tooling under internal/tools: quiet by default.
var developerPackages = []string{"roles/examples/demo", "roles/tools/gen", "roles/internal/tools/tooling"}

// TestRoles checks the relevance model's program roles: findings in
// examples and developer tools are the opt-in category developer-code
// (every driver shows them only with -byname.all), -byname.tools reports
// them under their own categories, and a library under tools/ is
// ordinary code.
func TestRoles(t *testing.T) {
	n := 0
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), byname.Analyzer, developerPackages...) {
		for _, d := range r.Diagnostics {
			n++
			if d.Category != byname.DeveloperCode {
				t.Errorf("%s: category %s in %s without -tools, want %s", r.Pass.Fset.Position(d.Pos), d.Category, r.Pass.Pkg.Path(), byname.DeveloperCode)
			}
		}
	}
	if n != len(developerPackages) {
		t.Errorf("%d findings in developer code, want %d", n, len(developerPackages))
	}
	analysistest.Run(t, analysistest.TestData(), byname.Analyzer, "roles/tools/lib")
	setFlag(t, "tools", "true")
	for _, r := range analysistest.Run(t, analysistest.TestData(), byname.Analyzer, developerPackages...) {
		for _, d := range r.Diagnostics {
			if d.Category == byname.DeveloperCode {
				t.Errorf("%s: developer-code with -tools", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
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

	data, err := os.ReadFile(filepath.Join(analysistest.TestData(), "src", "privatedirs", "privatedirs.go"))
	if err != nil {
		t.Fatal(err)
	}
	marked := map[int]bool{}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "(private-dir)") && !strings.HasPrefix(strings.TrimSpace(l), "//") {
			marked[i+1] = true
		}
	}
	seen := map[int]bool{}
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), byname.Analyzer, "privatedirs") {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			if got, want := d.Category == byname.PrivateDir, marked[line]; got != want {
				t.Errorf("line %d: category %s: %s", line, d.Category, d.Message)
			}
			seen[line] = true
		}
	}
	if len(marked) == 0 {
		t.Fatal("no line marked (private-dir)")
	}
	for line := range marked {
		if !seen[line] {
			t.Errorf("line %d: not reported in private-dir", line)
		}
	}
}
