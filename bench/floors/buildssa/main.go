// Command buildssa is a reference floor: a standalone checker
// (multichecker) with one do-nothing analyzer that requires the buildssa
// analyzer of golang.org/x/tools v0.52.0. That buildssa requires ctrlflow,
// which declares a fact, so the checker loads every dependency from source.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/toctou/toctou/bench/floors/internal/floor"
)

func main() {
	multichecker.Main(floor.New("buildssafloor", buildssa.Analyzer))
}
