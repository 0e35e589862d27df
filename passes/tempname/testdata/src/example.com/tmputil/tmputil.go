// Package tmputil holds wrappers that other packages call: tempname learns
// what they create through the effects summary (effects.Fact.Creates);
// effects' tests check the summaries (example.com/creators).
package tmputil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile creates the path it is given.
func WriteFile(path string, data []byte) error {
	return os.WriteFile(filepath.Clean(path), data, 0o600)
}

// Touch creates through WriteFile: wrappers of wrappers are wrappers.
func Touch(path string) error {
	return WriteFile(path, nil)
}

// WriteTemp creates the name it is given inside the shared temporary
// directory.
func WriteTemp(name string, data []byte) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, 0o600)
}

// SaveState creates a fixed name in the directory it is given.
func SaveState(dir string, data []byte) error {
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600)
}

// EnsureDir makes the directory it is given, and tolerates an existing one.
func EnsureDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// MakeDir makes the directory it is given, and fails if it exists: the
// caller's name is never someone else's directory.
func MakeDir(dir string) error {
	return os.Mkdir(dir, 0o700)
}

// CreateExcl creates exclusively: no fact.
func CreateExcl(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// ReadState only reads: no fact.
func ReadState(path string) ([]byte, error) {
	return os.ReadFile(path)
}

// WriteIf creates its name only when asked to: no plain wrapper.
func WriteIf(path string, create bool) error {
	if create {
		return os.WriteFile(path, nil, 0o600)
	}
	return nil
}

// Store is a wrapper type: its methods take names too.
type Store struct{ Dir string }

func (s *Store) Put(name string, data []byte) error {
	return os.WriteFile(name, data, 0o600)
}

// PrivateDir makes a private directory and hands out names in it.
func PrivateDir() (string, error) {
	return os.MkdirTemp("", "tmputil-")
}
