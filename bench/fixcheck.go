package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// FixCheck is the outcome of -fixcheck on one corpus entry.
type FixCheck struct {
	Skipped           string           // why the check did not run, if it did not
	FindingsWithFixes int              // findings that offer a fix, counted in the JSON before applying
	Fixes             int              // fixes offered, alternatives included
	FixExit           int              // exit status of toctou -fix
	FixStderr         string           // its stderr
	FilesChanged      int              // .go files the fixes changed
	BrokenBefore      int              // packages that did not compile before the fixes
	Failures          []PackageFailure // packages that compiled before the fixes and do not after
}

// PackageFailure is a package that no longer compiles, with the compiler's
// output.
type PackageFailure struct {
	Package, Output string
}

// Failed reports whether the fixes broke the build or could not be applied.
func (c *FixCheck) Failed() bool {
	return c.Skipped == "" && (len(c.Failures) > 0 || (c.FixExit != 0 && c.FixExit != 1))
}

// fixCheck applies every suggested fix ("toctou -fix ./...") to a fresh
// copy of ws's module and compiles every package, test files included,
// before and after: a package that compiled before and does not after is a
// failure. Compiling is "go list -e -export -test": it type-checks and
// compiles each package and test variant as go test would, without
// linking test binaries, and reports each package's compiler output.
func fixCheck(ctx context.Context, env *toolEnv, toctou string, ws *workspace, a *Analysis) (*FixCheck, error) {
	c := &FixCheck{}
	c.FindingsWithFixes, c.Fixes = a.FixCounts()
	if ws.entry.IsStd() {
		c.Skipped = "the standard library is analyzed in GOROOT, which the harness does not copy or change"
		return c, nil
	}
	dir, err := freshFixCopy(ws)
	if err != nil {
		return nil, err
	}
	before, err := compileErrors(ctx, env, ws, dir)
	if err != nil {
		return nil, err
	}
	c.BrokenBefore = len(before)
	var stderr bytes.Buffer
	cmd := command{dir: dir, env: env.moduleEnv(ws), args: toctouArgs(toctou, ws, "-fix"), stdout: &stderr, stderr: &stderr}
	env.logf("%s$ %s", cmd.dir, strings.Join(cmd.args, " "))
	m, err := measure(ctx, cmd)
	if err != nil {
		return nil, err
	}
	c.FixExit, c.FixStderr = m.Exit, stderr.String()
	if c.FilesChanged, err = changedGoFiles(ws.src, dir); err != nil {
		return nil, err
	}
	after, err := compileErrors(ctx, env, ws, dir)
	if err != nil {
		return nil, err
	}
	for _, pkg := range sortedKeys(after) {
		if _, ok := before[pkg]; !ok {
			c.Failures = append(c.Failures, PackageFailure{Package: pkg, Output: after[pkg]})
		}
	}
	return c, nil
}

// compileErrors compiles every package of the module in dir and its test
// variants, and returns the compiler output of each that fails.
func compileErrors(ctx context.Context, env *toolEnv, ws *workspace, dir string) (map[string]string, error) {
	c := command{dir: dir, env: env.moduleEnv(ws), args: []string{"go", "list", "-e", "-export", "-test", "-json=ImportPath,Error", "./..."}}
	out, err := env.output(ctx, c)
	if err != nil {
		return nil, err
	}
	errs := make(map[string]string)
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var p struct {
			ImportPath string
			Error      *struct{ Err string }
		}
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list -json in %s: %v", dir, err)
		}
		if p.Error != nil {
			errs[p.ImportPath] = p.Error.Err
		}
	}
	return errs, nil
}

// changedGoFiles counts the .go files under fixed that differ from their
// counterpart under orig.
func changedGoFiles(orig, fixed string) (int, error) {
	n := 0
	err := filepath.WalkDir(fixed, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(fixed, path)
		if err != nil {
			return err
		}
		a, errA := os.ReadFile(filepath.Join(orig, rel))
		b, errB := os.ReadFile(path)
		if errB != nil {
			return errB
		}
		if errA != nil || !bytes.Equal(a, b) {
			n++
		}
		return nil
	})
	return n, err
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
