// Package lib is a library that happens to live under tools/: ordinary code, reported by default.
package lib

import (
	"os"
)

func work() error { return nil }

func locked(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	return os.Remove(lockPath)
}
