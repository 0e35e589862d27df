package main

import (
	"slices"
	"strings"
	"testing"
)

// TestOptInCategories checks the relevance model's one mechanism
// (docs/design.md): a category the table marks opt-in (pathrace's
// read-if-present; the demo's config package) is left out of the default
// output, in the standalone checker and under go vet, and -pathrace.all
// brings it back in both.
func TestOptInCategories(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	t.Parallel()
	bin := toctou(t)
	dir := demoCopy(t)
	const readIfPresent = "config/config.go:15:16: pathrace"

	has := func(out string) bool {
		return slices.ContainsFunc(strings.Split(out, "\n"), func(l string) bool {
			return strings.HasPrefix(l, readIfPresent+": ")
		})
	}
	def := run(t, dir, "", bin, "./...")
	if def.code != 3 || has(def.stderr) {
		t.Errorf("toctou ./...: want exit code 3 without the opt-in read-if-present finding\n%s", def)
	}
	all := run(t, dir, "", bin, "-pathrace.all", "./...")
	if all.code != 3 || !has(all.stderr) {
		t.Errorf("toctou -pathrace.all ./...: want the read-if-present finding at %s\n%s", readIfPresent, all)
	}
	// remove-if-present is opt-in too: the demo's cleanup package
	const removeIfPresent = "cleanup/cleanup.go:11:13: pathrace: "
	if strings.Contains(def.stderr, removeIfPresent) || !strings.Contains(all.stderr, removeIfPresent) {
		t.Errorf("want the remove-if-present finding only with -pathrace.all\ndefault:\n%s\nall:\n%s", def, all)
	}

	gocache := t.TempDir()
	vet := run(t, dir, gocache, "go", "vet", "-vettool="+bin, "-vetsuite=false", "./...")
	if vet.code != 1 || strings.Contains(vet.stderr, "config/config.go:15:16") {
		t.Errorf("go vet -vettool: want findings, without the opt-in one\n%s", vet)
	}
	vetAll := run(t, dir, gocache, "go", "vet", "-vettool="+bin, "-vetsuite=false", "-pathrace.all", "./...")
	if !strings.Contains(vetAll.stderr, "config/config.go:15:16") {
		t.Errorf("go vet -vettool -pathrace.all: want the read-if-present finding\n%s", vetAll)
	}
}
