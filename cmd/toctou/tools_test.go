package main

// Helpers for the tests that need a tool built outside "go test": the
// golangci-lint build of tools/gcl, the gopls build of tools/gopls and the
// SARIF Multitool. .ci/run builds or installs them and names them in
// environment variables; without them the tests are skipped, unless
// TOCTOU_REQUIRE_TOOLS=1 (set by .ci/run) makes a missing tool a failure.

import (
	"os"
	"testing"
)

// Environment variables naming the external tools.
const (
	gclEnv       = "TOCTOU_GCL"       // golangci-lint with the toctou plugin
	goplsEnv     = "TOCTOU_GOPLS"     // gopls with the toctou analyzers
	multitoolEnv = "TOCTOU_MULTITOOL" // the SARIF Multitool executable
	requireEnv   = "TOCTOU_REQUIRE_TOOLS"
)

// externalTool returns the path of the tool named by the environment
// variable env, or skips the test (fails it under TOCTOU_REQUIRE_TOOLS=1)
// when the variable is unset or names no file. how says how to get it.
func externalTool(t *testing.T, env, how string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: runs external tools")
	}
	path := os.Getenv(env)
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return path
		}
	}
	msg := "$" + env + " does not name the tool this test needs; " + how
	if os.Getenv(requireEnv) == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
