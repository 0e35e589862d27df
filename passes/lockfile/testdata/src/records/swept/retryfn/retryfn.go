// Package retryfn is a lock beside a sweep of stale locks, released in a way
// the tables do not describe: it stays a lock.
package retryfn

import (
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// retry runs op on name until it stops failing (antivirus, EBUSY).
func retry(op func(string) error, name string) (err error) {
	for i := 0; i < 5; i++ {
		if err = op(name); err == nil || os.IsNotExist(err) {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// Sweep removes every lock found in dir.
func Sweep(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

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

// Release frees the lock, retrying transient failures.
func Release(dir, key string) error { return retry(os.Remove, filepath.Join(dir, key+".lock")) }
