package intests

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFixedTempName(t *testing.T) {
	p := filepath.Join(os.TempDir(), "intests.golden")
	if err := os.WriteFile(p, nil, 0o600); err != nil { // want `os.WriteFile creates p, a fixed name in a shared temporary directory`
		t.Fatal(err)
	}
}

func TestTempDir(t *testing.T) {
	p := filepath.Join(t.TempDir(), "intests.golden")
	if err := os.WriteFile(p, nil, 0o600); err != nil { // no diagnostic: t.TempDir() is private to the test
		t.Fatal(err)
	}
}
