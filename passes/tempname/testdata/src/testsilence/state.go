// Package testsilence has production code whose findings do not depend
// on its test files: go vet, go fix, golangci-lint and gopls analyze the
// package with them, the standalone checker without them.
package testsilence

import "os"

var lockName = "/tmp/testsilence.lock"

func lock() (*os.File, error) {
	return os.Create(lockName) // want `os.Create creates lockName, a fixed name`
}

func writeState(data []byte) error {
	return os.WriteFile("/tmp/testsilence-dir/state", data, 0o600) // want `os.WriteFile creates "/tmp/testsilence-dir/state", a fixed name`
}
