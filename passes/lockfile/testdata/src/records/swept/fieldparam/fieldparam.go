// Package fieldparam sweeps records by listing beside a lock: the lock is
// released by a name that may be its own, so it stays a lock. Open acquires the lock from the directory it is given; Close
// removes it through the field the directory was stored in.
package fieldparam

import (
	"os"
	"path/filepath"
	"strconv"
)

// Sweep removes the empty files of dir, found by listing it.
func Sweep(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Size() == 0 {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

type DB struct{ dir string }

func lockDir(dir string) error {
	p := filepath.Join(dir, "LOCK")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err // want `return leaves lock file p behind`
	}
	return f.Close()
}

// Open locks dir for the DB.
func Open(dir string) (*DB, error) {
	if err := lockDir(dir); err != nil {
		return nil, err
	}
	return &DB{dir: dir}, nil
}

// Close releases the lock.
func (db *DB) Close() error { return os.Remove(filepath.Join(db.dir, "LOCK")) }
