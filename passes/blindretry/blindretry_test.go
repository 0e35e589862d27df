package blindretry_test

import (
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/passes/blindretry"
)

func TestBlindretry(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer,
		"a", "example.com/payments", "example.com/retryutil", "example.com/shop",
		"helpers", "retryable", "retryableconf", "anymethod", "drivers", "rpcsdk")
}

func TestTimeouts(t *testing.T) {
	setFlag(t, "timeouts", "true")
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer, "timeouts")
}

func TestKeysFlag(t *testing.T) {
	setFlag(t, "keys", "Idempotency-Token, X-Other-Key")
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer, "customkey")
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer, "intests")
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer, "cgouser")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := blindretry.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Value.Set(old); err != nil {
			t.Error(err)
		}
	})
}

// TestTestFilesSilenceNothing checks that a _test.go file that gives a
// go-retryablehttp client a retry policy does not silence the findings of
// the non-test files.
func TestTestFilesSilenceNothing(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), blindretry.Analyzer, "testsilence")
}
