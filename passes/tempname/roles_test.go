package tempname_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/passes/tempname"
)

// developerPackages are an example, a developer tool and developer
// tooling under internal/tools: quiet by default.
var developerPackages = []string{"roles/examples/demo", "roles/tools/gen", "roles/internal/tools/tooling"}

// TestRoles checks the relevance model's program roles: findings in
// examples and developer tools are the opt-in category developer-code
// (every driver shows them only with -tempname.all), -tempname.tools reports
// them under their own categories, and a library under tools/ is
// ordinary code.
func TestRoles(t *testing.T) {
	n := 0
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), tempname.Analyzer, developerPackages...) {
		for _, d := range r.Diagnostics {
			n++
			if d.Category != tempname.DeveloperCode {
				t.Errorf("%s: category %s in %s without -tools, want %s", r.Pass.Fset.Position(d.Pos), d.Category, r.Pass.Pkg.Path(), tempname.DeveloperCode)
			}
		}
	}
	if n != len(developerPackages) {
		t.Errorf("%d findings in developer code, want %d", n, len(developerPackages))
	}
	analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, "roles/tools/lib")
	setFlag(t, "tools", "true")
	for _, r := range analysistest.Run(t, analysistest.TestData(), tempname.Analyzer, developerPackages...) {
		for _, d := range r.Diagnostics {
			if d.Category == tempname.DeveloperCode {
				t.Errorf("%s: developer-code with -tools", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// quietT is an analysistest.Testing that ignores the expectations.
type quietT struct{}

func (quietT) Errorf(string, ...any) {}
