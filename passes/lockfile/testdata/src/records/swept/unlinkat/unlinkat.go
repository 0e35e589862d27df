// Package unlinkat is a lock beside a sweep of stale locks, released in a way
// the tables do not describe: it stays a lock.
package unlinkat

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// Locks keeps its locks in one directory, held open.
type Locks struct {
	dir *os.File
}

// Sweep removes every lock found in the directory.
func (l *Locks) Sweep() {
	entries, _ := os.ReadDir(l.dir.Name())
	for _, e := range entries {
		os.Remove(filepath.Join(l.dir.Name(), e.Name()))
	}
}

func (l *Locks) Acquire(key string) error {
	p := filepath.Join(l.dir.Name(), key+".lock")
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

// Release removes the lock relative to the held directory.
func (l *Locks) Release(key string) error {
	return syscall.Unlinkat(int(l.dir.Fd()), key+".lock")
}
