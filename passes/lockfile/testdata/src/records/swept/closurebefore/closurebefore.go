// Package closurebefore is a lock beside a sweep of stale locks, released in a way
// the tables do not describe: it stays a lock.
package closurebefore

import (
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// SweepStale removes lock files older than maxAge, found by listing dir.
func SweepStale(dir string, maxAge time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < maxAge {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// Lock is one named lock.
type Lock struct {
	Dir, Key string
	unlock   func() error
}

// Lock acquires it.
func (l *Lock) Lock() error {
	p := filepath.Join(l.Dir, l.Key+".lock")
	l.unlock = func() error { return os.Remove(p) }
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	if err := f.Close(); err != nil {
		return err // want `return leaves lock file .* behind`
	}
	return nil
}

// Unlock releases it.
func (l *Lock) Unlock() error { return l.unlock() }
