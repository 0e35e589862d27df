// Package iox holds lock helpers that other packages call: lockfile learns
// what they do through facts. SafeTryLock and SafeUnlock are the founding
// case's primitives.
package iox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// SafeTryLock creates path exclusively: true when this call created it,
// (false, nil) when it exists, (false, err) on other failures.
func SafeTryLock(path string, perm os.FileMode) (bool, error) { // want SafeTryLock:"acquires the lock file at param 0; result 0 true means acquired"
	f, openErr := os.OpenFile(filepath.Clean(path), os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if openErr != nil {
		if os.IsExist(openErr) {
			return false, nil
		}
		return false, openErr
	}
	return true, f.Close()
}

// SafeUnlock removes the lock file.
func SafeUnlock(path string) error { // want SafeUnlock:"releases the lock file at param 0"
	return os.Remove(filepath.Clean(path))
}

// TryLockPid acquires through SafeTryLock and writes its pid, removing the
// lock again when the write fails: acquiring functions built on acquiring
// functions are acquiring functions.
func TryLockPid(path string) (bool, error) { // want TryLockPid:"acquires the lock file at param 0; result 0 true means acquired"
	ok, err := SafeTryLock(path, 0o600)
	if err != nil || !ok {
		return false, err
	}
	if err := os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		SafeUnlock(path)
		return false, err
	}
	return true, nil
}

// Create returns the exclusive create's own results: a nil error means it
// created the file, and the file is the handle.
func Create(path string) (*os.File, error) { // want Create:"acquires the lock file at param 0; error result 1 nil means acquired; result 0 holds it"
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// Acquire returns a function that releases the lock.
func Acquire(path string) (func(), error) { // want Acquire:"acquires the lock file at param 0; error result 1 nil means acquired; result 0 releases it"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	return func() { os.Remove(path) }, nil
}

// LockBare reports a held lock with the bare sentinel: callers that pass
// its error on unwrapped are reported.
func LockBare(path string) error { // want LockBare:"acquires the lock file at param 0; error result 0 nil means acquired; a bare error when held"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return os.ErrExist
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// ErrLocked is this package's own sentinel.
var ErrLocked = errors.New("locked")

// LockSentinel reports a held lock with a sentinel of its own.
func LockSentinel(path string) error { // want LockSentinel:"acquires the lock file at param 0; error result 0 nil means acquired"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return ErrLocked
		}
		return err
	}
	return f.Close()
}

// WithLock acquires and releases: it is neither an acquiring nor a
// releasing function for its callers.
func WithLock(path string, fn func() error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	defer os.Remove(path)
	return fn()
}

// Lock is a lock type: TryLock acquires the file its path field names,
// Unlock removes it.
type Lock struct {
	path string
	held bool
}

func New(path string) *Lock { return &Lock{path: path} }

func (l *Lock) TryLock() (bool, error) { // want TryLock:"acquires the lock file at param 0 field path; result 0 true means acquired"
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return false, nil
		}
		return false, err
	}
	f.Close()
	return true, nil
}

func (l *Lock) Unlock() error { // want Unlock:"releases the lock file at param 0 field path"
	return os.Remove(l.path)
}

// Note that a function that only creates is not reported inside: without
// a removal, the file is kept, not a lock.
func CreateKept(path string, data []byte) error { // want CreateKept:"acquires the lock file at param 0; error result 0 nil means acquired"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err // no diagnostic: the file is kept, not a lock
	}
	return f.Close()
}
