// Command buildssa032 is a reference floor: a standalone checker
// (multichecker) with one do-nothing analyzer that requires buildssa as it
// was in golang.org/x/tools v0.32.0 (internal/ssa032): no ctrlflow
// prerequisite, no fact anywhere, so dependencies are loaded from export
// data. This is the fact-free SSA floor of the speed budget.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/toctou/toctou/bench/floors/internal/floor"
	"github.com/toctou/toctou/bench/floors/internal/ssa032"
)

func main() {
	multichecker.Main(floor.New("buildssa032floor", ssa032.Analyzer))
}
