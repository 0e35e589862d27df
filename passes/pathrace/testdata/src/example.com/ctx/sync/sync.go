// Package sync is the founding case (connect sync lock) as it was really
// written: stat the lock path, then write it through io.SafeWriteFile,
// whose validating helper pathrace sees through (internal/effects).
package sync

import (
	"os"
	"path/filepath"

	"example.com/ctx/io"
)

type state struct{ LastSequence int }

func loadState(ctxDir string) (state, func(), error) {
	var s state
	lockPath := filepath.Join(ctxDir, "hub", ".sync.lock")
	if _, statErr := os.Stat(lockPath); statErr == nil {
		return s, nil, os.ErrExist
	}
	if writeErr := io.SafeWriteFile(lockPath, []byte("locked"), 0o600); writeErr != nil { // want `io.SafeWriteFile creates lockPath after os.Stat found it absent`
		return s, nil, writeErr
	}
	return s, func() { os.Remove(lockPath) }, nil
}

// loadStateFixed is the same function after the fix: one exclusive create.
func loadStateFixed(ctxDir string) (state, func(), error) {
	var s state
	lockPath := filepath.Join(ctxDir, "hub", ".sync.lock")
	acquired, lockErr := io.SafeTryLock(lockPath, 0o600)
	if lockErr != nil {
		return s, nil, lockErr
	}
	if !acquired {
		return s, nil, os.ErrExist
	}
	return s, func() { os.Remove(lockPath) }, nil
}

// The caller resolves the path itself, then writes the resolved form.
func writeResolved(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	abs, err := io.Resolve(lockPath)
	if err != nil {
		return err
	}
	return os.WriteFile(abs, nil, 0o600) // want `os.WriteFile creates abs after os.Stat found it absent`
}

func writeSibling(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return io.WriteSibling(lockPath, nil) // no diagnostic: the helper writes another file of the directory
}

func writeUnlessDry(lockPath string, dry bool) error {
	if _, err := os.Stat(lockPath); err == nil {
		return os.ErrExist
	}
	return io.WriteUnlessDry(lockPath, dry, nil) // no diagnostic: whether it writes depends on dry, not only on the path
}
