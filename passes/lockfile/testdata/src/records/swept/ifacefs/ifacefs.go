// Package ifacefs is a lock beside a sweep of stale locks, released in a way
// the tables do not describe: it stays a lock.
package ifacefs

import (
	"os"
	"path/filepath"
	"strconv"
	"time"

	"records/swept/vfs"
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

// Manager manages locks in Dir.
type Manager struct {
	Dir string
	FS  vfs.FS
}

// Acquire takes the lock named key.
func (m *Manager) Acquire(key string) error {
	p := filepath.Join(m.Dir, key+".lock")
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

// Release frees it.
func (m *Manager) Release(key string) error { return m.FS.Remove(filepath.Join(m.Dir, key+".lock")) }
