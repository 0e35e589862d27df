package create

import "testing"

// The test variant of the package holds create.go too: its diagnostics
// come twice and must be applied once.
func TestOpen(t *testing.T) {
	if _, err := Open(t.TempDir() + "/x"); err != nil {
		t.Fatal(err)
	}
}
