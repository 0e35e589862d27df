// Package sprintf sweeps records by listing beside a lock: the lock is
// released by a name that may be its own, so it stays a lock. The release spells the name with fmt.Sprintf, the acquisition
// with filepath.Join.
package sprintf

import (
	"fmt"
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

func acquire(dir, name string) error {
	p := filepath.Join(dir, name+".lock")
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

func release(dir, name string) error { return os.Remove(fmt.Sprintf("%s/%s.lock", dir, name)) }
