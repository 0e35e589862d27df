package pathrace_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/passes/pathrace"
)

// developerPackages are an example, a developer tool and developer
// tooling under internal/tools: quiet by default.
var developerPackages = []string{"roles/examples/demo", "roles/tools/gen", "roles/internal/tools/tooling"}

// TestRoles checks the relevance model's program roles: findings in
// examples and developer tools are shown only with -pathrace.tools, and a
// library under tools/ is ordinary code.
func TestRoles(t *testing.T) {
	for _, r := range analysistest.Run(quietT{}, analysistest.TestData(), pathrace.Analyzer, developerPackages...) {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: reported in %s without -tools: %s", r.Pass.Fset.Position(d.Pos), r.Pass.Pkg.Path(), d.Message)
		}
	}
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "roles/tools/lib")
	setFlag(t, "tools", "true")
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, developerPackages...)
}

// quietT is an analysistest.Testing that ignores the expectations.
type quietT struct{}

func (quietT) Errorf(string, ...any) {}
