// Package deferclosure sweeps records by listing beside a lock: the lock is
// released by a name that may be its own, so it stays a lock. The release recomputes the name in a deferred closure, where dir is a
// captured variable.
package deferclosure

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

func lockPath(dir string) string { return filepath.Join(dir, "app.lock") }

func acquire(dir string) error {
	p := lockPath(dir)
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

// Run holds the lock while it works.
func Run(dir string) error {
	if err := acquire(dir); err != nil {
		return err
	}
	defer func() { _ = os.Remove(lockPath(dir)) }()
	return nil
}
