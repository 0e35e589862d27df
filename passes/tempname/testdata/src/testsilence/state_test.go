package testsilence

import (
	"os"
	"path/filepath"
	"testing"
)

// The test makes the directory exclusively and moves the lock file: the
// production code, which runs without the test, does neither.

func TestMain(m *testing.M) {
	if err := os.Mkdir("/tmp/testsilence-dir", 0o700); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func TestLock(t *testing.T) {
	lockName = filepath.Join(t.TempDir(), "lock")
	if _, err := lock(); err != nil {
		t.Fatal(err)
	}
}
