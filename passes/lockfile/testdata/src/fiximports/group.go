// Package fiximports holds opaque-held-error fixes that must add the fmt
// import, checked against the .golden files.
package fiximports

import (
	"io/fs"
	"os"
	"syscall"

	"example.com/iox"
)

func work() error { return nil }

func sentinel(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held`
	}
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

func errnoHeld(lockPath string) error {
	fd, err := syscall.Open(lockPath, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o600)
	if err != nil {
		if err == syscall.EEXIST {
			return err // want `return gives the unwrapped error of syscall.Open when lock file lockPath is held`
		}
		return err // no diagnostic: not EEXIST, so not a held lock
	}
	defer syscall.Unlink(lockPath)
	syscall.Close(fd)
	return work()
}

func notAcquired(s *struct{ dir string }, lockPath string) (int, error) {
	ok, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fs.ErrExist // want `return gives fs.ErrExist when lock file lockPath is held`
	}
	defer iox.SafeUnlock(lockPath)
	return 1, work()
}
