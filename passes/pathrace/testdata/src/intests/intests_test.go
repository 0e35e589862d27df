package intests

import (
	"os"
	"testing"
)

func TestRaceInTest(t *testing.T) {
	p := t.TempDir() + "/f"
	if _, err := os.Stat(p); err == nil {
		t.Fatal("exists")
	}
	if err := os.WriteFile(p, nil, 0o600); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		t.Fatal(err)
	}
}
