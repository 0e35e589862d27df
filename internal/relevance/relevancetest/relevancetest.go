// Package relevancetest holds the one test of the program-role demotion
// that the file checks share: findings in examples and developer tools
// are the opt-in category developer-code, and the pass's -tools flag
// reports them under their own categories.
package relevancetest

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/relevance"
)

// DeveloperPackages are the testdata packages every file check keeps
// under roles/: an example, a developer tool, developer tooling under
// internal/tools and a maintainer's test program named by a word of its
// element (cmd/proxy-test-server), each with one finding of the check.
var DeveloperPackages = []string{"roles/examples/demo", "roles/tools/gen", "roles/internal/tools/tooling", "roles/cmd/proxy-test-server"}

// Roles checks, on the calling test's testdata, that each package of
// DeveloperPackages gets exactly one finding, of the category
// developer-code (every driver shows it only with -NAME.all); that
// roles/tools/lib, a library under tools/, is ordinary code (its
// `// want` comments hold); and that with -tools the developer findings
// keep their own categories.
func Roles(t *testing.T, a *analysis.Analyzer) {
	t.Helper()
	dir := analysistest.TestData()
	n := 0
	for _, r := range analysistest.Run(quiet{}, dir, a, DeveloperPackages...) {
		for _, d := range r.Diagnostics {
			n++
			if d.Category != relevance.DeveloperCodeCategory {
				t.Errorf("%s: category %s in %s without -tools, want %s", r.Pass.Fset.Position(d.Pos), d.Category, r.Pass.Pkg.Path(), relevance.DeveloperCodeCategory)
			}
		}
	}
	if n != len(DeveloperPackages) {
		t.Errorf("%d findings in developer code, want %d", n, len(DeveloperPackages))
	}
	analysistest.Run(t, dir, a, "roles/tools/lib")
	f := a.Flags.Lookup("tools")
	if f == nil {
		t.Fatalf("%s has no -tools flag", a.Name)
	}
	old := f.Value.String()
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set(old)
	for _, r := range analysistest.Run(t, dir, a, DeveloperPackages...) {
		for _, d := range r.Diagnostics {
			if d.Category == relevance.DeveloperCodeCategory {
				t.Errorf("%s: developer-code with -tools", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// quiet is an analysistest.Testing that ignores the expectations: the
// first run counts findings and their categories, whatever `// want` says.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
