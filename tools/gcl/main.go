// Command gcl is golangci-lint v2 with the toctou module plugin built in:
// "golangci-lint custom" done offline, from the Go module proxy alone.
//
// Build it from the repository root:
//
//	(cd tools/gcl && go build -o ../../bin/golangci-lint-toctou .)
//
// and enable the linter "toctou" in .golangci.yml as plugin/golangci
// describes. It is a module of its own so that golangci-lint's
// requirements (and its GPL-3.0 licence) stay out of toctou's go.mod.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/toctou/toctou/plugin/golangci" // registers the "toctou" linter
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports golangci-lint's version, as its own main does, and
// toctou's.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	toctou := "(devel)"
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			info.Version = strings.TrimPrefix(dep.Version, "v")
		case "github.com/toctou/toctou":
			toctou = dep.Version
		}
	}
	info.Commit = "toctou " + toctou
	return info
}
