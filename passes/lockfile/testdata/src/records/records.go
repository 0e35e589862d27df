// Package records holds exclusive creates of files that are kept on
// success: a reservation record is no lock, even when a later step of
// the function fails and leaves it behind.
package records

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Store keeps one file per reserved address, named by the address and
// holding its owner, as the CNI host-local IPAM store does.
type Store struct {
	dataDir string
}

func escaped(dir, name string) string { return filepath.Join(dir, name) }

// Reserve creates the address's record exclusively. Its write errors
// remove the half-made record; a failure of the last step leaves a
// complete record behind, which GC or ReleaseByKey (found by listing the
// directory and reading the owner) reclaim. No diagnostic: nothing
// removes a file named the way the record is named, so it is no lock.
func (s *Store) Reserve(id, ifname string, ip net.IP, rangeID string) (bool, error) {
	fname := escaped(s.dataDir, ip.String())
	f, err := os.OpenFile(fname, os.O_RDWR|os.O_EXCL|os.O_CREATE, 0o600)
	if os.IsExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strings.TrimSpace(id) + "\n" + ifname); err != nil {
		f.Close()
		os.Remove(f.Name())
		return false, err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return false, err
	}
	ipfile := escaped(s.dataDir, "last_reserved_ip."+rangeID)
	if err := os.WriteFile(ipfile, []byte(ip.String()), 0o600); err != nil {
		return false, err // no diagnostic: the record stays, as on success
	}
	return true, nil
}

// ReleaseByKey removes the records whose content is match, by listing.
func (s *Store) ReleaseByKey(match string) (bool, error) {
	found := false
	err := filepath.Walk(s.dataDir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		if strings.TrimSpace(string(data)) == match {
			if err := os.Remove(path); err != nil {
				return nil
			}
			found = true
		}
		return nil
	})
	return found, err
}

// GC removes every record whose owner is gone.
func (s *Store) GC(live map[string]bool) error {
	entries, err := os.ReadDir(s.dataDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		path := filepath.Join(s.dataDir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil || live[strings.TrimSpace(string(data))] {
			continue
		}
		_ = os.Remove(path)
	}
	return nil
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
