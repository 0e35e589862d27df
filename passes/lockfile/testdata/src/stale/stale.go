// Package stale holds the stale-lock-no-recovery cases, reported only
// with -lockfile.stale.
package stale

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func work() error { return nil }

func noRecovery(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // want `os.OpenFile creates lock file lockPath with nothing in it to tell a stale lock from a held one; if its holder crashes, every later run finds it held forever \(use an advisory flock/fcntl lock, which the kernel releases when the holder dies, or write the pid into the lock file and check it when the lock is held\)`
	if err != nil {
		return fmt.Errorf("%s is held: %w", lockPath, err)
	}
	f.Close()
	defer os.Remove(lockPath)
	return work()
}

func writesPid(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: the pid in it tells others whether the holder lives
	if err != nil {
		return fmt.Errorf("%s is held: %w", lockPath, err)
	}
	defer os.Remove(lockPath)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	f.Close()
	return work()
}

func checksAge(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: a held lock's age is checked
	if os.IsExist(err) {
		if fi, serr := os.Stat(lockPath); serr == nil && time.Since(fi.ModTime()) > time.Hour {
			return fmt.Errorf("%s is older than an hour: remove it if no other process runs", lockPath)
		}
		return fmt.Errorf("%s is held: %w", lockPath, err)
	}
	if err != nil {
		return err
	}
	f.Close()
	defer os.Remove(lockPath)
	return work()
}

func keptFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: kept, not a lock
	if err != nil {
		return err
	}
	return f.Close()
}

func readsPid(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: the held lock's pid is read
	if err != nil {
		data, rerr := os.ReadFile(lockPath)
		if rerr == nil {
			if pid, perr := strconv.Atoi(string(data)); perr == nil {
				return fmt.Errorf("%s is held by process %d", lockPath, pid)
			}
		}
		return err
	}
	f.Close()
	defer os.Remove(lockPath)
	return work()
}
