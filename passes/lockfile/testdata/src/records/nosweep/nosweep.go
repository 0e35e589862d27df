// Package nosweep creates a file exclusively and leaves it behind when a
// later step fails; nothing in the package sweeps a directory, so
// nothing says it is a record: it stays a lock (its release may live in
// another package).
package nosweep

import (
	"os"
	"path/filepath"
	"strconv"
)

// Acquire takes the lock; the caller's package removes it.
func Acquire(dir string, id int) error {
	p := filepath.Join(dir, strconv.Itoa(id)+".lck")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(p)
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "owner"), []byte(strconv.Itoa(id)), 0o600); err != nil {
		return err // want `return leaves lock file p behind`
	}
	return nil
}

// ResetOwner removes the owner file, a different name.
func ResetOwner(dir string) { os.Remove(filepath.Join(dir, "owner.tmp")) }
