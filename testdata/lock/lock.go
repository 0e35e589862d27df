// Package lock takes a lock file: the founding case of pathrace.
package lock

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// AcquireRacy takes the lock at lockPath by checking that it is absent and
// then creating it. Between the two calls another process can do the same:
// both then believe they hold the lock.
func AcquireRacy(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(lockPath, nil, 0o600)
}

// Acquire takes the lock in one system call: with O_EXCL, the create
// itself fails when the file exists, so exactly one process wins.
func Acquire(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s is held by another process: %w", lockPath, err)
	}
	if err != nil {
		return err
	}
	return f.Close()
}
