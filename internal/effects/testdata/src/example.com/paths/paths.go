// Package paths has functions that check a path parameter or act on it
// by name, and near misses that do not: Fact.Exists and Fact.Uses.
package paths

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// IsFile reports whether name exists: a check, true if present.
func IsFile(name string) bool { // want IsFile:"checks path param 0 \\(result 0 true if present\\)"
	_, err := os.Stat(name)
	return err == nil
}

// Gone reports whether name is absent: true if absent.
func Gone(name string) bool { // want Gone:"checks path param 0 \\(result 0 true if absent\\)"
	_, err := os.Lstat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// Probe returns the check's own error.
func Probe(name string) error { // want Probe:"checks path param 0 \\(error result 0\\)"
	_, err := os.Stat(name)
	return err
}

// InFS checks through a file-system parameter.
func InFS(fsys fs.FS, name string) bool { // want InFS:"checks path param 1 \\(result 0 true if present\\) through param 0"
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// Put writes its parameter by name, through a validating cleaner.
func Put(dest string, data []byte) error { // want Put:"creates path param 0"
	clean, err := validated(dest)
	if err != nil {
		return err
	}
	return os.WriteFile(clean, data, 0o644)
}

func validated(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.Clean(abs), nil
}

// Swap renames its first parameter onto its second.
func Swap(from, to string) error { // want Swap:"renames path param 0, renames onto path param 1"
	return os.Rename(from, to)
}

// Slurp returns nothing when the read fails, whatever the error.
func Slurp(name string) []byte { // want Slurp:"opens path param 0 \\(nothing on error\\)"
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	return b
}

// A Dir names files under a root.
type Dir struct{ root string }

// Drop removes a file by name: the receiver is param 0.
func (d Dir) Drop(name string) error { // want Drop:"removes path param 1"
	return os.Remove(name)
}

// Maybe reads name only when fallback is nil: steered by another
// parameter, so no plain use of name.
func Maybe(name string, fallback []byte) ([]byte, error) {
	if fallback != nil {
		return fallback, nil
	}
	return os.ReadFile(name)
}

// Fixed creates a path of its own, not its parameter's.
func Fixed(data []byte) error {
	return os.WriteFile("/var/lib/app/state", data, 0o600)
}

// Ensure makes the directory whatever is there: MkdirAll decides by
// itself, no race to summarize (no use); the directory is a create of its
// parameter (tempname's).
func Ensure(dir string) error { // want Ensure:"^creates directory at param 0, makes param 0 a private directory$"
	return os.MkdirAll(dir, 0o755)
}
