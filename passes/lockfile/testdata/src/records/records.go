// Package records holds locks beside a sweep of records (Sweep): each
// is released by a name that may be its own, so each stays a lock; the
// records themselves are in records/store.
package records

import (
	"os"
	"path/filepath"
	"strconv"
)

// Sweep removes the stale files of dir, found by listing it: a sign of
// records, but the locks below are each released by a name that may be
// theirs, so they stay locks.
func Sweep(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Size() == 0 {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Locks keeps one lock file per key; Unlock removes the name that
// TryLock creates, built the same way.
type Locks struct {
	dir string
}

func (l *Locks) lockPath(key string) string { return filepath.Join(l.dir, key+".lock") }

// TryLock acquires the key's lock for its caller, which releases it with
// Unlock. A failure after the acquisition leaves it held.
func (l *Locks) TryLock(key string) (bool, error) {
	p := l.lockPath(key)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(p)
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err // want `return leaves lock file p behind`
	}
	return true, nil
}

// Unlock releases the key's lock.
func (l *Locks) Unlock(key string) error { return os.Remove(l.lockPath(key)) }

// PathLock is a lock whose name is a field of the lock.
type PathLock struct {
	path string
}

// TryLock acquires the lock for its caller; Unlock removes the same field.
func (l *PathLock) TryLock() (bool, error) { // want TryLock:`acquires the lock file at param 0 field path; result 0 true means acquired`
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(l.path)
		return false, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return false, err // want `return leaves lock file l.path behind`
	}
	return true, f.Close()
}

// Unlock releases the lock.
func (l *PathLock) Unlock() error { return os.Remove(l.path) } // want Unlock:`releases the lock file at param 0 field path`

// lockName is the package's one lock file.
const lockName = "/var/run/records.lock"

// acquireGlobal acquires the package's lock for its caller, which
// releases it with releaseGlobal.
func acquireGlobal() (bool, error) {
	f, err := os.OpenFile(lockName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(lockName)
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err // want `return leaves lock file lockName behind`
	}
	return true, nil
}

func releaseGlobal() { os.Remove(lockName) }

// TryLockAt acquires the lock at a caller-given path, which the caller
// removes itself: the caller knows the name, so it is a lock.
func TryLockAt(path string) (bool, error) { // want TryLockAt:`acquires the lock file at param 0; result 0 true means acquired`
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(path)
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err // want `return leaves lock file path behind`
	}
	return true, nil
}

// Options names the lock file of AcquireWith.
type Options struct {
	LockFile string
}

// AcquireWith acquires the lock its caller names in o, which the caller
// removes itself (another package): a lock.
func AcquireWith(o *Options) (bool, error) { // want AcquireWith:`acquires the lock file at param 0 field LockFile; result 0 true means acquired`
	f, err := os.OpenFile(o.LockFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	if err := f.Close(); err != nil {
		os.Remove(o.LockFile)
		return false, err
	}
	if err := os.WriteFile(o.LockFile+".pid", []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		return false, err // want `return leaves lock file o.LockFile behind`
	}
	return true, nil
}

// Job holds a lock in its own directory, which Done removes whole.
type Job struct {
	dir string
}

// Start acquires the job's lock for its caller.
func (j *Job) Start() (bool, error) {
	f, err := os.OpenFile(filepath.Join(j.dir, "lock"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid())); err != nil {
		f.Close()
		os.Remove(f.Name())
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err // want `return leaves lock file .* behind`
	}
	return true, nil
}

// Done releases the lock with everything else of the job.
func (j *Job) Done() error { return os.RemoveAll(j.dir) } // want Done:`releases the lock file at param 0 field dir`
