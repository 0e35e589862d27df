package a

import (
	"os"
	"testing"
)

func TestRaceInTest(t *testing.T) {
	p := t.TempDir() + "/f"
	if _, err := os.Stat(p); err == nil {
		t.Fatal("exists")
	}
	if err := os.WriteFile(p, nil, 0o600); err != nil { // no diagnostic: test files are skipped unless -pathrace.tests
		t.Fatal(err)
	}
}
