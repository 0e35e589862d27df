// Command inspectonly is a reference floor: a standalone checker
// (multichecker) with one do-nothing analyzer that requires only
// inspect.Analyzer. No analyzer declares facts, so dependencies are loaded
// from export data.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/toctou/toctou/bench/floors/internal/floor"
)

func main() {
	multichecker.Main(floor.New("inspectonly", inspect.Analyzer))
}
