// Package fsutil holds helpers that other packages call: pathrace learns
// what they do through facts.
package fsutil

import (
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
)

func Exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func IsDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func Missing(p string) bool {
	_, err := os.Lstat(filepath.Clean(p))
	return errors.Is(err, fs.ErrNotExist)
}

// FileExists reports through (bool, error), as many codebases do.
func FileExists(p string) (bool, error) {
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, err
}

// StatErr returns the stat error itself.
func StatErr(p string) error {
	_, err := os.Stat(p)
	return err
}

// Valid always says true: its result reports nothing about the path.
func Valid(p string) bool {
	_, err := os.Stat(p)
	log.Print(err)
	return true
}

// SafeWriteFile is the wrapper of the founding case: it writes by name.
func SafeWriteFile(path string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filepath.Clean(path), data, perm)
}

// Touch writes through SafeWriteFile: wrappers of wrappers are wrappers.
func Touch(path string) error {
	return SafeWriteFile(path, nil, 0o644)
}

// Replace renames by name: both of its parameters are uses.
func Replace(from, to string) error {
	return os.Rename(from, to)
}

// SafeTryLock creates exclusively: it decides by itself, so it is no use.
func SafeTryLock(path string, perm os.FileMode) (bool, error) {
	f, err := os.OpenFile(filepath.Clean(path), os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		if os.IsExist(err) {
			return false, nil
		}
		return false, err
	}
	return true, f.Close()
}

// RemoveQuietly removes with RemoveAll, which tolerates absence.
func RemoveQuietly(path string) error {
	return os.RemoveAll(path)
}

// Store is a wrapper type: its methods take paths too.
type Store struct{ Perm os.FileMode }

func (s *Store) Save(name string, data []byte) error {
	return os.WriteFile(name, data, s.Perm)
}

func (s Store) Has(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// MustRemove has no results: a use whose error cannot be inspected.
func MustRemove(path string) {
	if err := os.Remove(path); err != nil {
		panic(err)
	}
}

// Parse reads name only when the caller passes no content: it is no
// wrapper of a read, and calls that pass content use no file.
func Parse(name string, content []byte) ([]byte, error) {
	if content == nil {
		return os.ReadFile(name)
	}
	return content, nil
}

// WriteChecked validates its path before writing: still a wrapper.
func WriteChecked(name string, data []byte) error {
	if name == "" {
		return os.ErrInvalid
	}
	return os.WriteFile(name, data, 0o600)
}

// Overlay serves names from memory when it has them: reads by name only
// as a fallback, so it is no wrapper of a read.
type Overlay struct{ files map[string][]byte }

func (o *Overlay) Contents(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		return data, nil
	}
	return os.ReadFile(name)
}

// CreateNew decides by itself, with a check of its own: it is reported
// inside, and is no plain wrapper for its callers.
func CreateNew(p string) error {
	if Exists(p) {
		return os.ErrExist
	}
	return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after fsutil.Exists found it absent`
}
