// Package creators holds functions that create a name made from a
// parameter (Fact.Creates), which tempname reads: the shapes of tempname's
// example.com/tmputil, and the creates Fact.Uses drops (a directory made
// with MkdirAll, a create steered by a check) next to names the function
// owns first.
package creators

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// WriteFile creates the path it is given.
func WriteFile(path string, data []byte) error { // want WriteFile:"creates file at param 0"
	return os.WriteFile(filepath.Clean(path), data, 0o600)
}

// Touch creates through WriteFile: wrappers of wrappers are wrappers.
func Touch(path string) error { // want Touch:"creates file at param 0"
	return WriteFile(path, nil)
}

// WriteTemp creates the name it is given inside the shared temporary
// directory.
func WriteTemp(name string, data []byte) error { // want WriteTemp:"creates file named by param 0 in the shared temporary directory"
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, 0o600)
}

// SaveState creates a fixed name in the directory it is given.
func SaveState(dir string, data []byte) error { // want SaveState:"creates file \\(fixed name\\) in directory param 0"
	return os.WriteFile(filepath.Join(dir, "state.json"), data, 0o600)
}

// EnsureDir makes the directory it is given, and tolerates an existing one.
func EnsureDir(dir string) error { // want EnsureDir:"creates directory at param 0"
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// MakeDir makes the directory it is given, and fails if it exists: the
// caller's name is never someone else's directory. No create (the use is
// in Uses).
func MakeDir(dir string) error { // want MakeDir:"^makes path param 0$"
	return os.Mkdir(dir, 0o700)
}

// CreateExcl creates exclusively: no create (an opener).
func CreateExcl(path string) (*os.File, error) { // want CreateExcl:"^returns the handle of path param 0 \\(file result 0, error result 1, writable\\)$"
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// ReadState only reads: no create (a use).
func ReadState(path string) ([]byte, error) { // want ReadState:"^opens path param 0$"
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

func (s *Store) Put(name string, data []byte) error { // want Put:"creates file at param 1"
	return os.WriteFile(name, data, 0o600)
}

// PrivateDir makes a private directory and hands out names in it.
func PrivateDir() (string, error) {
	return os.MkdirTemp("", "tmputil-")
}

// MakeAll makes the directory it is given with MkdirAll: a directory
// create, which Uses does not keep.
func MakeAll(dir string) error { // want MakeAll:"creates directory at param 0"
	return os.MkdirAll(dir, 0o700)
}

// WriteIfAbsent checks before it creates: the check does not make the
// name safe, so the create is kept (Uses drops it).
func WriteIfAbsent(path string, data []byte) error { // want WriteIfAbsent:"creates file at param 0"
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	return os.WriteFile(path, data, 0o600)
}

// LinkTo makes a link at the name it is given and goes on if it exists.
func LinkTo(target, link string) error { // want LinkTo:"creates link at param 1"
	if err := os.Symlink(target, link); err != nil && !os.IsExist(err) {
		return err
	}
	return nil
}

// SavePid writes a pid-named file in the directory it is given.
func SavePid(dir string) error { // want SavePid:"creates file \\(pid name\\) in directory param 0"
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("app-%d.pid", os.Getpid())), nil, 0o600)
}

// InOwnDir makes its directory exclusively before it writes in it: the
// function owns the name, no create (the Mkdir is a use).
func InOwnDir(dir string) error { // want InOwnDir:"^makes path param 0$"
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state.json"), nil, 0o600)
}

// OwnerChecked looks at who owns what it created: no create (the
// create is a use).
func OwnerChecked(path string) error { // want OwnerChecked:"^creates path param 0$"
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Uid != 0 {
		return errors.New("not ours")
	}
	return nil
}

const debug = false

// DebugDump creates only in dead code: no create (Uses does not look at
// constant branches).
func DebugDump(path string) error { // want DebugDump:"^creates path param 0$"
	if debug {
		return os.WriteFile(path, nil, 0o600)
	}
	return nil
}
