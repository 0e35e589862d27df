package main

// End-to-end tests of where toctou -fix writes: only files of the main
// module, never through a symbolic link out of it, never in the module
// cache or GOROOT (fix.go).

import (
	"archive/zip"
	"bytes"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// lockSource is a package with one pathrace finding that has a fix.
const lockSource = `package %s

import "os"

// AcquireRacy checks that lockPath is absent, then creates it.
func AcquireRacy(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600)
}
`

// lockFile returns lockSource for the package pkg, with its function
// renamed to name.
func lockFile(pkg, name string) string {
	return strings.ReplaceAll(strings.Replace(lockSource, "%s", pkg, 1), "AcquireRacy", name)
}

// readFile returns the content of file.
func readFile(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFixSymlink(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	outside := filepath.Join(root, "outside", "link.go")
	writeFiles(t, filepath.Join(root, "outside"), map[string]string{"link.go": lockFile("app", "Outside")})
	writeFiles(t, mod, map[string]string{
		"go.mod":             "module example.com/app\n\ngo 1.26.0\n",
		"app.go":             lockFile("app", "Plain"),
		"data/inside.go.txt": lockFile("app", "Inside"), // reached through inside.go
		"data/README":        "inside.go links here\n",
	})
	for link, target := range map[string]string{
		"link.go":   outside,                                // out of the module
		"inside.go": filepath.Join("data", "inside.go.txt"), // within it
	} {
		if err := os.Symlink(target, filepath.Join(mod, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	before := readFile(t, outside)
	skip := "toctou: not fixing link.go: symbolic link to " + outside + ", outside the main module\n"

	diff := run(t, mod, "", bin, "-diff", "./...")
	if diff.code != 0 || diff.stderr != skip {
		t.Errorf("toctou -diff ./...: want exit code 0 and, on stderr, only\n%s%s", skip, diff)
	}
	if strings.Contains(diff.stdout, "link.go") || !strings.Contains(diff.stdout, "app.go (new)") || !strings.Contains(diff.stdout, "inside.go (new)") {
		t.Errorf("toctou -diff ./...: want diffs of app.go and inside.go, none of link.go\n%s", diff)
	}

	r := run(t, mod, "", bin, "-fix", "./...")
	if r.code != 0 || r.stdout != "" || r.stderr != skip {
		t.Errorf("toctou -fix ./...: want exit code 0 and, on stderr, only\n%s%s", skip, r)
	}
	if got := readFile(t, outside); got != before {
		t.Errorf("toctou -fix wrote %s, outside the module, through the symbolic link link.go:\n%s", outside, got)
	}
	for _, file := range []string{"app.go", filepath.Join("data", "inside.go.txt")} {
		if got := readFile(t, filepath.Join(mod, file)); !strings.Contains(got, "O_EXCL") {
			t.Errorf("toctou -fix did not fix %s:\n%s", file, got)
		}
	}
	if fi, err := os.Lstat(filepath.Join(mod, "inside.go")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("toctou -fix replaced the symbolic link inside.go (%v)", err)
	}
}

func TestFixDependency(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	root := t.TempDir()

	// A module proxy in a directory, serving example.com/dep v1.0.0.
	proxy := filepath.Join(root, "proxy")
	const depMod = "module example.com/dep\n\ngo 1.26.0\n"
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for name, content := range map[string]string{"go.mod": depMod, "dep.go": lockFile("dep", "Acquire")} {
		w, err := zw.Create("example.com/dep@v1.0.0/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, filepath.Join(proxy, "example.com", "dep", "@v"), map[string]string{
		"list":        "v1.0.0\n",
		"v1.0.0.info": `{"Version":"v1.0.0","Time":"2026-01-01T00:00:00Z"}` + "\n",
		"v1.0.0.mod":  depMod,
		"v1.0.0.zip":  zipped.String(),
	})

	mod := filepath.Join(root, "app")
	writeFiles(t, mod, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/dep v1.0.0\n",
		"app.go": "package app\n\nimport \"example.com/dep\"\n\nvar _ = dep.Acquire\n",
	})
	// A module cache of the test's own, writable (as root's would be) so
	// that only toctou's own rule keeps the fixes out of it.
	modcache := filepath.Join(root, "modcache")
	env := append(goEnv(""), "GOPROXY=file://"+filepath.ToSlash(proxy), "GOSUMDB=off",
		"GOMODCACHE="+modcache, "GOFLAGS=-mod=mod -modcacherw")
	if r := runEnv(t, mod, env, "go", "mod", "download", "example.com/dep"); r.code != 0 {
		t.Fatalf("go mod download: %s", r)
	}
	depFile := filepath.Join(modcache, "example.com", "dep@v1.0.0", "dep.go")
	before := readFile(t, depFile)
	skip := "toctou: not fixing " + depFile + ": in the module cache\n"

	// The finding is there: the fix is left out on purpose.
	if r := runEnv(t, mod, env, bin, "-pathrace", "example.com/dep"); r.code != 3 {
		t.Errorf("toctou -pathrace example.com/dep: want exit code 3 (a finding)\n%s", r)
	}
	diff := runEnv(t, mod, env, bin, "-diff", "example.com/dep")
	if diff.code != 0 || diff.stdout != "" || diff.stderr != skip {
		t.Errorf("toctou -diff example.com/dep: want exit code 0, no diff and, on stderr, only\n%s%s", skip, diff)
	}
	r := runEnv(t, mod, env, bin, "-fix", "example.com/dep")
	if r.code != 0 || r.stdout != "" || r.stderr != skip {
		t.Errorf("toctou -fix example.com/dep: want exit code 0 and, on stderr, only\n%s%s", skip, r)
	}
	if got := readFile(t, depFile); got != before {
		t.Errorf("toctou -fix example.com/dep wrote into the module cache:\n%s", got)
	}
}

func TestFixStd(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/app\n\ngo 1.26.0\n"})
	goroot := run(t, dir, "", "go", "env", "GOROOT")
	if goroot.code != 0 {
		t.Fatalf("go env GOROOT: %s", goroot)
	}
	gorootDir, err := filepath.EvalSymlinks(strings.TrimSpace(goroot.stdout))
	if err != nil {
		t.Fatal(err)
	}
	// net/smtp's Dial has a nodeadline finding with a fix: dial with a
	// timeout (dial-connect, opt-in: -nodeadline.all shows it).
	stdFile := filepath.Join(gorootDir, "src", "net", "smtp", "smtp.go")
	before := readFile(t, stdFile)
	if r := run(t, dir, "", bin, "-nodeadline.all", "-json", "net/smtp"); r.code != 0 || !strings.Contains(r.stdout, "suggested_fixes") {
		t.Fatalf("toctou -json net/smtp: want a finding with a fix\n%s", r)
	}
	skip := "toctou: not fixing " + stdFile + ": in GOROOT\n"
	diff := run(t, dir, "", bin, "-nodeadline.all", "-diff", "net/smtp")
	if diff.code != 0 || diff.stdout != "" || diff.stderr != skip {
		t.Errorf("toctou -diff net/smtp: want exit code 0, no diff and, on stderr, only\n%s%s", skip, diff)
	}
	r := run(t, dir, "", bin, "-nodeadline.all", "-fix", "net/smtp")
	if r.code != 0 || r.stdout != "" || r.stderr != skip {
		t.Errorf("toctou -fix net/smtp: want exit code 0 and, on stderr, only\n%s%s", skip, r)
	}
	if got := readFile(t, stdFile); got != before {
		t.Errorf("toctou -fix net/smtp wrote into GOROOT (%s):\n%s", stdFile, got)
	}
}

// TestApplyFixes checks how the fixes of several diagnostics combine: a
// fix found twice (as in p and in p [p.test]) is applied once, and a fix
// whose edits overlap a fix already applied is left out as a whole, and
// reported.
func TestApplyFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a package with the go command")
	}
	t.Parallel()
	dir := t.TempDir()
	const src = "package p\n\nvar A, B = 1, 2\n"
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/p\n\ngo 1.26.0\n",
		"p.go":   src,
	})
	// The analyzer offers, on p.go: A -> X; A -> X again; A, B -> Y, Z (overlaps
	// the first); B -> W (and, as an alternative, B -> V).
	a := &analysis.Analyzer{
		Name: "fixes",
		Doc:  "offers fixes for the test",
		Run: func(pass *analysis.Pass) (any, error) {
			f := pass.Files[0]
			start := pass.Fset.File(f.FileStart).Pos(strings.Index(src, "A, B"))
			edit := func(from, to int, text string) analysis.SuggestedFix {
				return analysis.SuggestedFix{Message: "write " + text, TextEdits: []analysis.TextEdit{{Pos: start + token.Pos(from), End: start + token.Pos(to), NewText: []byte(text)}}}
			}
			for _, fixes := range [][]analysis.SuggestedFix{
				{edit(0, 1, "X")},
				{edit(0, 1, "X")},
				{edit(0, 4, "Y, Z")},
				{edit(3, 4, "W"), edit(3, 4, "V")},
			} {
				pass.Report(analysis.Diagnostic{Pos: start, Message: "m", SuggestedFixes: fixes})
			}
			return nil, nil
		},
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Env: goEnv("")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("packages.Load: %v", err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, printDiff := range []bool{true, false} {
		var stdout, stderr bytes.Buffer
		f := &fixer{stdout: &stdout, stderr: &stderr, printDiff: printDiff, modules: newModuleBounds(graph)}
		code := f.apply(graph)
		wantErr := `toctou: fixes@example.com/p: ignoring alternative fix "write V"` + "\n"
		if printDiff {
			wantErr += "toctou: 1 of 3 fixes skipped (e.g. due to conflicts)\n"
			if !strings.Contains(stdout.String(), "-var A, B = 1, 2\n+var X, W = 1, 2\n") {
				t.Errorf("-diff printed\n%s\nwant A -> X and B -> W", &stdout)
			}
		} else {
			wantErr += "toctou: applied 2 of 3 fixes; 1 file updated. (Re-run the command to apply more.)\n"
			if got, want := readFile(t, filepath.Join(dir, "p.go")), "package p\n\nvar X, W = 1, 2\n"; got != want {
				t.Errorf("-fix wrote\n%s\nwant\n%s", got, want)
			}
		}
		if code != 1 || stderr.String() != wantErr {
			t.Errorf("printDiff=%v: got exit code %d and stderr\n%s\nwant 1 and\n%s", printDiff, code, &stderr, wantErr)
		}
	}
}
