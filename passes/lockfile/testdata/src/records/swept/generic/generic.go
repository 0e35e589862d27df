// Package generic sweeps records by listing beside a lock: the lock is
// released by a name that may be its own, so it stays a lock. A generic locker: its methods' receivers are distinct
// instantiations of one type parameter.
package generic

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

type Keyer interface{ Key() string }

type Locker[K Keyer] struct{ dir string }

func (l *Locker[K]) Lock(k K) error {
	p := filepath.Join(l.dir, k.Key()+".lock")
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

func (l *Locker[K]) Unlock(k K) error { return os.Remove(filepath.Join(l.dir, k.Key()+".lock")) }
