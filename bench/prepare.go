package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// readyMarker, in a workspace directory, says that src is a complete copy
// whose requirements are downloaded.
const readyMarker = ".bench-ready"

// workspace is the scratch directory of one corpus entry.
//
// A corpus module is analyzed as its users analyze it: as the main module.
// The passes skip the packages of versioned dependency modules as library
// code, so the module cache's copy cannot be analyzed in place; the
// harness copies it to src, writable, once, and reuses the copy in later
// runs. The standard library is analyzed from an empty module in src.
type workspace struct {
	entry       Entry
	dir         string   // <scratch>/<path>@<version>
	src         string   // the main module the commands run in
	origin      string   // the module cache's copy; empty for std
	relRoot     string   // finding paths are relative to this: src, or GOROOT/src for std
	adjustments []string // what the harness changed in the copy's go.mod, and why
}

// prepare returns e's workspace, creating the copy if needed.
func prepare(ctx context.Context, env *toolEnv, e Entry) (*workspace, error) {
	switch {
	case e.IsStd():
		return prepareStd(env, e)
	case e.Local != "":
		return prepareLocal(env, e)
	}
	origin, err := moduleDir(ctx, env, e)
	if err != nil {
		return nil, err
	}
	ws := &workspace{entry: e, dir: filepath.Join(env.scratchDir, e.ID()), origin: origin}
	ws.src = filepath.Join(ws.dir, "src")
	ws.relRoot = ws.src
	if _, err := os.Stat(filepath.Join(ws.dir, readyMarker)); err == nil {
		ws.adjustments, err = readAdjustments(ws.dir)
		return ws, err
	}
	env.logf("copying %s to %s", origin, ws.src)
	if err := os.RemoveAll(ws.src); err != nil {
		return nil, err
	}
	if err := copyTree(origin, ws.src); err != nil {
		return nil, err
	}
	if ws.adjustments, err = dropMissingReplaces(ctx, env, ws.src); err != nil {
		return nil, err
	}
	if _, err := env.output(ctx, command{dir: ws.src, env: env.corpusEnv(), args: []string{"go", "mod", "download"}}); err != nil {
		return nil, err
	}
	if err := writeAdjustments(ws.dir, ws.adjustments); err != nil {
		return nil, err
	}
	return ws, nil
}

// prepareStd returns the workspace of the standard library: an empty
// module, in which patterns like std name GOROOT's packages.
func prepareStd(env *toolEnv, e Entry) (*workspace, error) {
	ws := &workspace{entry: e, dir: filepath.Join(env.scratchDir, "std@"+env.goVersion)}
	ws.src = filepath.Join(ws.dir, "src")
	ws.relRoot = filepath.Join(env.goroot, "src")
	if err := os.MkdirAll(ws.src, 0o755); err != nil {
		return nil, err
	}
	gomod := "module benchstd\n\ngo 1.26.0\n"
	return ws, os.WriteFile(filepath.Join(ws.src, "go.mod"), []byte(gomod), 0o644)
}

// prepareLocal returns the workspace of a module of the toctou repository,
// copied afresh: it changes with the working tree.
func prepareLocal(env *toolEnv, e Entry) (*workspace, error) {
	ws := &workspace{entry: e, dir: filepath.Join(env.scratchDir, "local", e.Name), origin: filepath.Join(env.rootDir, e.Local)}
	ws.src = filepath.Join(ws.dir, "src")
	ws.relRoot = ws.src
	if err := os.RemoveAll(ws.src); err != nil {
		return nil, err
	}
	return ws, copyTree(ws.origin, ws.src)
}

// moduleDir returns the module cache's directory of e, downloading it
// through the module proxy if needed.
func moduleDir(ctx context.Context, env *toolEnv, e Entry) (string, error) {
	out, err := env.goOutput(ctx, env.benchDir, "mod", "download", "-json", e.ID())
	if err != nil {
		return "", err
	}
	var m struct{ Dir, Sum, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", fmt.Errorf("go mod download -json %s: %v", e.ID(), err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", e.ID(), m.Error)
	}
	if e.Sum != "" && m.Sum != e.Sum {
		return "", fmt.Errorf("go mod download %s: hash %s, corpus.go says %s", e.ID(), m.Sum, e.Sum)
	}
	return m.Dir, nil
}

// dropMissingReplaces removes the replace directives of the go.mod in dir
// that point at a directory the module zip does not contain (etcd's
// modules replace their siblings with ../api and the like), so that the
// required versions come from the module proxy instead. It returns one
// line per directive dropped.
func dropMissingReplaces(ctx context.Context, env *toolEnv, dir string) ([]string, error) {
	out, err := env.output(ctx, command{dir: dir, env: env.corpusEnv(), args: []string{"go", "mod", "edit", "-json"}})
	if err != nil {
		return nil, err
	}
	type modVersion struct{ Path, Version string }
	var gomod struct {
		Replace []struct{ Old, New modVersion }
	}
	if err := json.Unmarshal([]byte(out), &gomod); err != nil {
		return nil, fmt.Errorf("go mod edit -json in %s: %v", dir, err)
	}
	var dropped []string
	for _, r := range gomod.Replace {
		if r.New.Version != "" || filepath.IsAbs(r.New.Path) {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, r.New.Path)); err == nil {
			continue
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		if _, err := env.output(ctx, command{dir: dir, env: env.corpusEnv(), args: []string{"go", "mod", "edit", "-dropreplace=" + old}}); err != nil {
			return nil, err
		}
		dropped = append(dropped, fmt.Sprintf("dropped replace %s => %s (not in the module zip)", old, r.New.Path))
	}
	return dropped, nil
}

// writeAdjustments records the go.mod adjustments and marks the
// workspace ready.
func writeAdjustments(dir string, adjustments []string) error {
	text := strings.Join(adjustments, "\n")
	return os.WriteFile(filepath.Join(dir, readyMarker), []byte(text), 0o644)
}

// readAdjustments reads what writeAdjustments wrote.
func readAdjustments(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, readyMarker))
	if err != nil || len(b) == 0 {
		return nil, err
	}
	return strings.Split(string(b), "\n"), nil
}

// freshFixCopy makes a new copy of the workspace's module for -fixcheck,
// replacing any earlier one, and returns its directory.
func freshFixCopy(ws *workspace) (string, error) {
	dir := filepath.Join(ws.dir, "fix")
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, copyTree(ws.src, dir)
}

// copyTree copies the regular files and directories under from to to,
// writable by the owner (the module cache's files are read-only).
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			return copyFile(path, target, info.Mode().Perm()|0o200)
		}
		return nil // module zips hold no symlinks or other special files
	})
}

// copyFile copies the file from to a new file to with mode perm.
func copyFile(from, to string, perm fs.FileMode) (err error) {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = io.Copy(out, in)
	return err
}

// linkTree makes to a copy of the go build cache from in which the cache's
// output files ("-d", content-addressed and never rewritten) are hard
// links and every other file (index entries, which the go command may
// rewrite in place) is a copy. It falls back to copying when linking
// fails, e.g. across file systems.
func linkTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil
		case strings.HasSuffix(d.Name(), "-d"):
			if os.Link(path, target) == nil {
				return nil
			}
		}
		return copyFile(path, target, 0o644)
	})
}
