package pathrace_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/passes/pathrace"
)

func TestPathrace(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pathrace.Analyzer, "a", "fsutil", "b")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), pathrace.Analyzer, "fixes")
}
