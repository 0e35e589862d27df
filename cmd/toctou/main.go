// Command toctou runs the toctou analyzers.
//
// It is one binary with three faces:
//
//	toctou [-flags] ./...                  standalone checker (text, -json, -fix, -diff)
//	go vet -vettool=$(which toctou) ./...  as go vet's analysis tool
//	go fix -fixtool=$(which toctou) ./...  as go fix's tool, applying suggested fixes
//
// Select passes with -NAME (for example -pathrace); with none selected,
// every pass runs. See https://github.com/toctou/toctou for the checks.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/toctou/toctou/analyzer"
)

func main() {
	multichecker.Main(analyzer.Suite()...)
}
