package intests

import (
	"os"
	"testing"
)

func TestChmodInTest(t *testing.T) {
	p := t.TempDir() + "/f"
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Chmod(p, 0o600); err != nil { // want `os.Chmod changes the mode of p by name while f`
		t.Fatal(err)
	}
}
