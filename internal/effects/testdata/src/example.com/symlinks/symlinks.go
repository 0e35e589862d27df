// Package symlinks has functions that refuse symbolic links in a path or
// in its components, and near misses that do not.
package symlinks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var errLink = errors.New("symbolic link")

// Components Lstats every element of p, from the root down.
func Components(p string) error { // want Components:"checks param 0 for symlinks \\(in its components\\)"
	cur := string(filepath.Separator)
	for _, part := range strings.Split(filepath.Clean(p), string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s: %w", cur, errLink)
		}
	}
	return nil
}

// Parents walks up from p with filepath.Dir.
func Parents(root, p string) error { // want Parents:"checks param 1 for symlinks \\(in its components\\)"
	for d := p; d != root && d != "/" && d != "."; d = filepath.Dir(d) {
		fi, err := os.Lstat(d)
		if err != nil {
			return err
		}
		if fi.Mode().Type() == fs.ModeSymlink {
			return errLink
		}
	}
	return nil
}

// NotLink Lstats p itself.
func NotLink(p string) error { // want NotLink:"checks param 0 for symlinks"
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return errLink
	}
	return nil
}

// Child Lstats a path under p, derived from another parameter too: no
// check of p.
func Child(p, name string) error {
	fi, err := os.Lstat(filepath.Join(p, name))
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return errLink
	}
	return nil
}

// Follow resolves a link instead of refusing it: its error is nil when
// the target exists. No check.
func Follow(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		_, err := filepath.EvalSymlinks(p)
		return err
	}
	return nil
}

// Size Lstats p for its size, not its mode: no check.
func Size(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return errors.New("empty")
	}
	return nil
}

// Config Lstats a file below p: no check of p.
func Config(p string) error {
	fi, err := os.Lstat(filepath.Join(p, "config"))
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return errLink
	}
	return nil
}

// Prefixes Lstats every prefix of p that ends before a separator.
func Prefixes(p string) error { // want Prefixes:"checks param 0 for symlinks \\(in its components\\)"
	for i := 1; i < len(p); i++ {
		if p[i] != '/' {
			continue
		}
		fi, err := os.Lstat(p[:i])
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "check", Path: p[:i], Err: errLink}
		}
	}
	return nil
}
