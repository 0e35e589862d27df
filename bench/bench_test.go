package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkerOutput is "toctou -json" output in the checker's format: a
// finding with a fix, the same finding in the test variant, a pass error,
// a panic, and a package that does not type-check.
const checkerOutput = `{
	"example.com/m/a": {
		"pathrace": [
			{"category": "create-if-absent", "posn": "/root/m/a/a.go:3:85", "end": "/root/m/a/a.go:3:90",
			 "message": "os.WriteFile creates p\nafter os.Stat", "suggested_fixes": [{"message": "fix", "edits": []}]}
		],
		"nodeadline": {"error": "nodeadline: panic: runtime error: index out of range"}
	},
	"example.com/m/a [example.com/m/a.test]": {
		"pathrace": [
			{"category": "create-if-absent", "posn": "/root/m/a/a.go:3:85", "end": "/root/m/a/a.go:3:90",
			 "message": "os.WriteFile creates p\nafter os.Stat", "suggested_fixes": [{"message": "fix", "edits": []}]}
		],
		"tempname": {"error": "tempname: cannot find object"}
	},
	"example.com/m/b": {
		"toctoussa": {"error": "analysis skipped due to errors in package"},
		"pathrace": {"error": "failed prerequisites: toctoussa@example.com/m/b"}
	}
}
`

func TestParse(t *testing.T) {
	var a Analysis
	if err := a.parse(strings.NewReader(checkerOutput), "/root/m"); err != nil {
		t.Fatal(err)
	}
	wantLines := []string{`a/a.go:3:85: [pathrace/create-if-absent] os.WriteFile creates p\nafter os.Stat`}
	if got := a.Lines(); !slices.Equal(got, wantLines) {
		t.Errorf("lines = %q, want %q", got, wantLines)
	}
	if withFix, fixes := a.FixCounts(); withFix != 1 || fixes != 1 {
		t.Errorf("FixCounts = %d, %d, want 1, 1", withFix, fixes)
	}
	if len(a.Errors) != 2 || !a.Errors[0].Panic || a.Errors[1].Panic {
		t.Errorf("errors = %+v, want a panic of nodeadline, then an error of tempname", a.Errors)
	}
	if !slices.Equal(a.PackageErrors, []string{"example.com/m/b"}) {
		t.Errorf("package errors = %q, want example.com/m/b", a.PackageErrors)
	}
}

func TestSplitPosn(t *testing.T) {
	file, line, col, err := splitPosn("/a:b/c.go:12:3")
	if err != nil || file != "/a:b/c.go" || line != 12 || col != 3 {
		t.Errorf(`splitPosn = %q, %d, %d, %v; want "/a:b/c.go", 12, 3`, file, line, col, err)
	}
	if _, _, _, err := splitPosn("c.go"); err == nil {
		t.Error("splitPosn(c.go) succeeded")
	}
}

func TestDiffLines(t *testing.T) {
	if d := diffLines([]string{"a", "b"}, []string{"a", "b"}); d != "" {
		t.Errorf("equal lists differ: %s", d)
	}
	d := diffLines([]string{"a", "b"}, []string{"a", "c"})
	if !strings.Contains(d, "- b\n") || !strings.Contains(d, "+ c\n") {
		t.Errorf("diff = %q, want - b and + c", d)
	}
}

// TestFixCheckFailure runs the fix check with a stand-in for toctou whose
// -fix breaks one package, and requires that package, and only it, to be
// reported with the compiler's output.
func TestFixCheckFailure(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	scratch := t.TempDir()
	ws := &workspace{entry: Entry{Name: "m", Path: "example.com/m"}, dir: scratch, src: filepath.Join(scratch, "src")}
	ws.relRoot = ws.src
	writeTestFiles(t, ws.src, map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.26.0\n",
		"a/a.go":      "package a\n\nfunc F() int { return 1 }\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { _ = F() }\n",
		"b/b.go":      "package b\n\nfunc G() int { return \"broken before\" }\n",
	})
	fake := filepath.Join(scratch, "toctou")
	script := "#!/bin/sh\n[ \"$1\" = -fix ] && printf 'package a\\n\\nfunc F() int { return \"x\" }\\n' > a/a.go\nexit 0\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := &toolEnv{}
	a := &Analysis{Findings: []Finding{{File: "a/a.go", Pass: "pathrace", Fixes: 2}}}
	c, err := fixCheck(context.Background(), env, fake, ws, a)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Failed() || c.FilesChanged != 1 || c.BrokenBefore != 1 || c.Fixes != 2 {
		t.Errorf("fix check = %+v, want failed, 1 file changed, 1 package broken before, 2 fixes", c)
	}
	var broken []string
	for _, f := range c.Failures {
		broken = append(broken, f.Package)
		if !strings.Contains(f.Output, "a.go") {
			t.Errorf("%s: output %q does not name a.go", f.Package, f.Output)
		}
	}
	if want := []string{"example.com/m/a", "example.com/m/a [example.com/m/a.test]"}; !slices.Equal(broken, want) {
		t.Errorf("broken packages = %q, want %q", broken, want)
	}
}

// writeTestFiles writes files (path -> content) under dir.
func writeTestFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSnapshotRestore checks that the .go files toctou/fix changes in a
// speed round are put back, and that other files are not touched.
func TestSnapshotRestore(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.go": "package a\n", "sub/b.go": "package b\n", "notes.txt": "x\n"}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := snapshotGoFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap) != 2 {
		t.Errorf("snapshot of %d files, want the 2 .go files", len(snap))
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("fixed\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := snap.restore(); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		want := content
		if !strings.HasSuffix(name, ".go") {
			want = "fixed\n"
		}
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s after restore: %q, want %q", name, got, want)
		}
	}
}

// TestSelectEntries checks that the held sets are chosen only by name or
// as a whole with -corpus SET, never by default.
func TestSelectEntries(t *testing.T) {
	all := []Entry{{Name: "a", Path: "example.com/a"}, {Name: "b", Path: "example.com/b"}}
	held := []Entry{{Set: "unseen", Name: "x", Path: "example.com/x"}, {Set: "unseen", Name: "y", Path: "example.com/y"}, {Set: "heldout", Name: "z", Path: "example.com/z"}}
	for _, tc := range []struct{ list, want string }{
		{"", "a,b"},
		{"b", "b"},
		{"unseen", "x,y"},
		{"heldout", "z"},
		{"heldout,x", "z,x"},
		{"a,example.com/y", "a,y"},
	} {
		got, err := selectEntries(all, held, tc.list)
		if err != nil {
			t.Errorf("selectEntries(%q): %v", tc.list, err)
			continue
		}
		if g := strings.Join(names(got), ","); g != tc.want {
			t.Errorf("selectEntries(%q) = %s, want %s", tc.list, g, tc.want)
		}
	}
	if _, err := selectEntries(all, held, "w"); err == nil || !strings.Contains(err.Error(), "unseen (x, y), heldout (z)") {
		t.Errorf("selectEntries(w): error %v, want one naming the held sets", err)
	}
}

// TestHeldCorpus checks that the held sets are pinned by hash, name their
// set, and share no module with the corpus or each other.
func TestHeldCorpus(t *testing.T) {
	seen := make(map[string]bool)
	for _, e := range corpus() {
		seen[e.Path], seen[e.Name] = true, true
	}
	for _, e := range heldCorpus() {
		if !slices.Contains([]string{unseenSet, heldoutSet, freshSet, fresh2Set, fresh3Set, fresh4Set, fresh5Set, fresh6Set, fresh7Set, fresh8Set, fresh9Set, fresh10Set, fresh11Set, fresh12Set, fresh13Set, fresh14Set, fresh15Set, fresh16Set}, e.Set) {
			t.Errorf("%s: set %q, want %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q, %q or %q", e.Name, e.Set, unseenSet, heldoutSet, freshSet, fresh2Set, fresh3Set, fresh4Set, fresh5Set, fresh6Set, fresh7Set, fresh8Set, fresh9Set, fresh10Set, fresh11Set, fresh12Set, fresh13Set, fresh14Set, fresh15Set, fresh16Set)
		}
		if seen[e.Path] || seen[e.Name] {
			t.Errorf("%s is in both corpora", e.Name)
		}
		if e.Version == "" || !strings.HasPrefix(e.Sum, "h1:") {
			t.Errorf("%s: version %q, sum %q: an unseen entry is pinned by version and h1: hash", e.Name, e.Version, e.Sum)
		}
		seen[e.Path], seen[e.Name] = true, true
	}
}

// TestVerdictsMode matches findings with the ledgers' verdicts by entry
// name, file:line and check/category, reads both ledger layouts, skips
// rows of non-default runs, and counts what no ledger judged.
func TestVerdictsMode(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	ledgers := map[string]string{
		"a.tsv": "# comment\nset\tmodule\trun\tfile:line\tcheck/category\tverdict\torigin\treason\n" +
			"f\tdemo\tdefault\ta/a.go:3\tpathrace/create-if-absent\tTP\tnew\tr\n" +
			"f\tstd\tdefault\tos/file.go:9\tnodeadline/client-timeout\tMOOT\tnew\tr\n" +
			"f\tdemo\tblindretry\ta/a.go:7\tblindretry/post\tFP\tnew\tr\n",
		"b.tsv": "module\trun\tfile:line\tcheck/category\tverdict\treason\n" +
			"mod\tdefault\tx/y.go:5\tpartialwrite/read-modify-write\tFP\tr\n",
	}
	for name, text := range ledgers {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	findings := "example.com/demo@v1.0.0/a/a.go:3:85: [pathrace/create-if-absent] m\n" +
		"std/os/file.go:9:2: [nodeadline/client-timeout] m\n" +
		"example.com/mod/v2@v2.1.0/x/y.go:5:1: [partialwrite/read-modify-write] m\n" +
		"example.com/demo@v1.0.0/a/a.go:7:1: [blindretry/post] m\n"
	if err := os.WriteFile(filepath.Join(out, "findings.txt"), []byte(findings), 0o644); err != nil {
		t.Fatal(err)
	}
	entries := []Entry{
		{Name: "demo", Path: "example.com/demo", Version: "v1.0.0"},
		{Name: "std", Path: "std"},
		{Name: "mod", Path: "example.com/mod/v2", Version: "v2.1.0"},
	}
	var b strings.Builder
	if err := verdictsMode(dir, out, entries, &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"TP        demo a/a.go:3 pathrace/create-if-absent\n",
		"MOOT      std os/file.go:9 nodeadline/client-timeout\n",
		"FP        mod x/y.go:5 partialwrite/read-modify-write\n",
		"UNJUDGED  demo a/a.go:7 blindretry/post\n",
		"| all | 4 | 1 | 1 | 1 | 1 | 50% | 33% |\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}
