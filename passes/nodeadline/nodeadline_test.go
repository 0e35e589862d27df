package nodeadline_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/nodeadline"
)

// packages are the testdata packages; each file a fix edits has a
// .golden file next to it.
var packages = []string{"a", "chosen", "proxydials", "ctxs", "dials", "servers", "dropped", "fiximports", "defaulttimeout", "defaultreplaced",
	"example.com/netutil", "example.com/app", "cobracmd"}

func TestNodeadline(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nodeadline.Analyzer, packages...)
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "intests")
}

// TestSkipTests checks that _test.go files are quiet by default.
func TestSkipTests(t *testing.T) {
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), nodeadline.Analyzer, "intests") {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: reported in a test file without -tests: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

// discard is an analysistest.Testing that ignores the // want comments.
type discard struct{}

func (discard) Errorf(string, ...any) {}

func TestTimeoutFlag(t *testing.T) {
	setFlag(t, "timeout", "1m30s")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nodeadline.Analyzer, "timeoutflag")
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	for _, r := range analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "cgouser") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a file cgo rewrote", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// TestFixesCompile applies every suggested fix in the testdata and
// type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), nodeadline.Analyzer, packages...)
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := nodeadline.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestTestFilesSilenceNothing checks that a _test.go file that configures
// the package's clients (http.DefaultClient.Transport = fake, a Timeout
// on a package-level client or a field) does not silence the findings of
// the non-test files, and that with -tests the test file's own calls see
// what it sets.
func TestTestFilesSilenceNothing(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "testsilence")
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "testsilence")
}

// TestLocalServers checks that servers no stranger can reach (loopback,
// unix sockets, in-memory listeners) and servers of debug and metrics
// endpoints are not reported, and that look-alikes reached from the
// network still are.
func TestLocalServers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "localservers")
}

// toolPackages are examples and developer tools, quiet by default.
var toolPackages = []string{"roles/examples/hello", "roles/tools/gen", "roles/internal/tools/tooling"}

// TestRoles checks that examples, benchmarks and developer tools are
// quiet by default and reported with -nodeadline.tools, and that a
// library under tools/ is ordinary code.
func TestRoles(t *testing.T) {
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), nodeadline.Analyzer, toolPackages...) {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: reported in %s without -tools: %s", r.Pass.Fset.Position(d.Pos), r.Pass.Pkg.Path(), d.Message)
		}
	}
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "roles/tools/lib")
	setFlag(t, "tools", "true")
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, toolPackages...)
}

// TestStreamsNoTimeoutFix checks that a client whose response is read in
// a loop (a stream, a watch, a long poll) is reported with no client
// Timeout fix.
func TestStreamsNoTimeoutFix(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "streams") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix for a streaming client: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
