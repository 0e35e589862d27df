package fsops_test

import (
	"go/types"
	"os/exec"
	"strings"
	"testing"

	"github.com/toctou/toctou/internal/fsops"
)

func TestIsStd(t *testing.T) {
	for path, want := range map[string]bool{
		"os": true, "path/filepath": true, "internal/poll": true, "cmd/go/internal/work": true,
		"golang.org/x/sys/unix": false, "myapp/fsutil": false, "example.com/b": false, "main": false,
	} {
		if got := fsops.IsStd(types.NewPackage(path, "p")); got != want {
			t.Errorf("IsStd(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestStdRootsComplete keeps the table of standard-library roots in step
// with the toolchain that runs the tests.
func TestStdRootsComplete(t *testing.T) {
	out, err := exec.Command("go", "list", "std", "cmd").Output()
	if err != nil {
		t.Skipf("go list std: %v", err)
	}
	for _, path := range strings.Fields(string(out)) {
		if !fsops.IsStd(types.NewPackage(path, "p")) {
			t.Errorf("IsStd(%q) = false for a package of go list std", path)
		}
	}
}
