package effects_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/internal/effects"
)

// TestCleaners checks which functions are summarized as cleaners, in one
// package and across packages (facts).
func TestCleaners(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/cleaners", "example.com/user", "example.com/symlinks")
}

// TestPathSummaries checks what functions are summarized to check and
// do by name on their parameters (Fact.Exists, Fact.Uses), in one
// package and across packages; pathrace reads them.
func TestPathSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/paths", "example.com/pathuser")
}

// TestDirs checks which functions are summarized to make a parameter's
// directory their own (Fact.MakesDirs) or to return a path under a known
// directory (Fact.ResultDir), in one package and across packages;
// pathflow.Roots reads them for pathrace and byname.
func TestDirs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/dirs", "example.com/dirsuser")
}

// TestOpeners checks which functions are summarized to return a handle
// opened from a parameter (Fact.Opens), in one package and across
// packages; byname reads them.
func TestOpeners(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/openers", "example.com/openuser")
}

// TestCreates checks which functions are summarized to create a name
// made from a parameter (Fact.Creates: where the parameter goes, how
// predictable the rest is, what is created), in one package and across
// packages; tempname reads them.
func TestCreates(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/creators", "example.com/createuser")
}

// TestExits checks which exported functions are summarized as never
// returning, and how each ends (Fact.Ends), in one package and across
// packages; the stop predicate (ssabuild.SSA.Ending) reads them.
func TestExits(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), effects.Analyzer, "example.com/exits", "example.com/exituser")
}
