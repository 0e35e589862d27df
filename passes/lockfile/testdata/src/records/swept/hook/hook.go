// Package hook hands os.Remove to another package, which releases the
// lock at exit: a removal the tables cannot see, so the lock stays one.
package hook

import (
	"os"
	"path/filepath"
	"strconv"

	"records/swept/atexit"
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

func acquire(dir string) error {
	p := filepath.Join(dir, "daemon.lock")
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

// Start locks dir and releases the lock at exit.
func Start(dir string, lockName string) error {
	if err := acquire(dir); err != nil {
		return err
	}
	atexit.Register(os.Remove, lockName)
	return nil
}
