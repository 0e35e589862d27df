package a

import (
	"os"
	"testing"
)

func TestChmod(t *testing.T) {
	p := t.TempDir() + "/f"
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Chmod(p, 0o600); err != nil { // no diagnostic: test files are skipped by default
		t.Fatal(err)
	}
}
