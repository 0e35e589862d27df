// Package funcvar is a lock beside a sweep of stale locks, released in a way
// the tables do not describe: it stays a lock.
package funcvar

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

// Acquire takes the lock named key in dir.
func Acquire(dir, key string) error {
	p := filepath.Join(dir, key+".lock")
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

// removeFile is replaced in tests.
var removeFile = os.Remove

// Release frees the lock.
func Release(dir, key string) error { return removeFile(filepath.Join(dir, key+".lock")) }
