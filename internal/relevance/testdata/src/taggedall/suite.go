//go:build integration

// Package taggedall is built only for integration tests: every file is.
package taggedall // want `role: test utility`

// Run runs the suite.
func Run() {}
