package intests

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLockLeak(t *testing.T) {
	lockPath := filepath.Join(t.TempDir(), "lock")
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if testing.Short() {
		return // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath)
}

func TestLockDeferred(t *testing.T) {
	lockPath := filepath.Join(t.TempDir(), "lock")
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(lockPath)
	f.Close()
	if testing.Short() {
		return // no diagnostic: deferred
	}
}
