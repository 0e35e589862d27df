// Package lockuser acquires locks through iox's functions: the
// acquisitions and releases lockfile finds here are known only through
// facts.
package lockuser

import (
	"fmt"
	"os"

	"example.com/iox"
)

func work() error { return nil }

func tryLockLeak(lockPath string) error {
	ok, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil {
		return err // no diagnostic: SafeTryLock returned an error, so the caller holds nothing
	}
	if !ok {
		return fmt.Errorf("%s is held: %w", lockPath, os.ErrExist) // no diagnostic: not acquired, and wrapped
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after iox.SafeTryLock acquired it`
	}
	return iox.SafeUnlock(lockPath)
}

func tryLockDeferred(lockPath string) error {
	ok, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil || !ok {
		return fmt.Errorf("cannot lock %s: %v", lockPath, err) // no diagnostic: not acquired
	}
	defer iox.SafeUnlock(lockPath)
	return work() // no diagnostic: deferred
}

func tryLockOkOnly(lockPath string) error {
	if ok, _ := iox.SafeTryLock(lockPath, 0o600); !ok {
		return os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held`
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after iox.SafeTryLock acquired it`
	}
	return iox.SafeUnlock(lockPath)
}

func pidLock(lockPath string) error {
	ok, err := iox.TryLockPid(lockPath)
	if !ok {
		return err // no diagnostic: not acquired; the error, if any, is os.WriteFile's and names the file
	}
	defer iox.SafeUnlock(lockPath)
	return work()
}

func bareCaller(lockPath string) error {
	if err := iox.LockBare(lockPath); err != nil {
		return err // want `return gives the unwrapped error of iox.LockBare when lock file lockPath is held`
	}
	defer os.Remove(lockPath)
	return work()
}

func bareCallerKept(lockPath string) error {
	if err := iox.LockBare(lockPath); err != nil {
		return err // no diagnostic: the file is kept, not a lock, in this function
	}
	return nil
}

func sentinelCaller(lockPath string) error {
	if err := iox.LockSentinel(lockPath); err != nil {
		return err // no diagnostic: iox's own sentinel
	}
	defer os.Remove(lockPath)
	return work()
}

func createCaller(lockPath string) error {
	f, err := iox.Create(lockPath)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after iox.Create acquired it`
	}
	return os.Remove(lockPath)
}

type holder struct{ f *os.File }

func createStored(h *holder, lockPath string) error {
	f, err := iox.Create(lockPath)
	if err != nil {
		return err
	}
	if err := work(); err != nil {
		f.Close()
		os.Remove(lockPath)
		return err
	}
	h.f = f
	return nil // no diagnostic: the handle is stored
}

func acquireCaller(lockPath string) error {
	release, err := iox.Acquire(lockPath)
	if err != nil {
		return err
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after iox.Acquire acquired it`
	}
	release()
	return nil
}

func acquireDeferred(lockPath string) error {
	release, err := iox.Acquire(lockPath)
	if err != nil {
		return err
	}
	defer release()
	return work() // no diagnostic: deferred
}

func withLockCaller(lockPath string) error {
	return iox.WithLock(lockPath, work) // no diagnostic: WithLock releases it itself
}

func lockType(l *iox.Lock) error {
	ok, err := l.TryLock()
	if err != nil {
		return err
	}
	if !ok {
		return os.ErrExist // want `return gives os.ErrExist when lock file l.path is held`
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file l.path behind after \(\*Lock\).TryLock acquired it`
	}
	return l.Unlock()
}

func lockTypeDeferred(l *iox.Lock) error {
	ok, err := l.TryLock()
	if err != nil || !ok {
		return fmt.Errorf("locked: %v", err)
	}
	defer l.Unlock()
	return work() // no diagnostic: deferred Unlock
}

func lockTypeOther(l, m *iox.Lock) error {
	ok, err := l.TryLock()
	if err != nil || !ok {
		return fmt.Errorf("locked: %v", err)
	}
	if err := work(); err != nil {
		return err // no diagnostic: only another lock is released here, so l's is kept
	}
	return m.Unlock()
}
