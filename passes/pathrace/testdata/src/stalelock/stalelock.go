// Package stalelock takes over a stale lock (issue 13, spelling 4): the
// absent outcome of a check reaches the create directly, and the present
// one reaches it only after a staleness test, so two processes that both
// find the lock absent, or both find it stale, both take it.
package stalelock

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"
)

var errBusy = errors.New("lock is held")

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func stale(p string) bool {
	fi, err := os.Stat(p)
	return err != nil || time.Since(fi.ModTime()) > time.Hour
}

func pid() []byte { return []byte(strconv.Itoa(os.Getpid())) }

func takeOver(lock string) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
	}
	data := pid()
	// No fix: O_EXCL alone would never take a stale lock over.
	return os.WriteFile(lock, data, 0o600) // want `os.WriteFile creates lock after stalelock.exists found it absent or stale; two processes that both find it so both take it`
}

func takeOverInline(lock string) error {
	fi, err := os.Stat(lock)
	if err == nil && time.Since(fi.ModTime()) < time.Minute {
		return fmt.Errorf("%s is held", lock)
	}
	return os.WriteFile(lock, pid(), 0o600) // want `os.WriteFile creates lock after os.Stat found it absent or stale`
}

func takeOverNested(lock string) error {
	fi, err := os.Stat(lock)
	if err == nil {
		if age := time.Since(fi.ModTime()); age < time.Minute {
			return errBusy
		}
	}
	f, err := os.Create(lock) // want `os.Create creates lock after os.Stat found it absent or stale`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(pid())
	return err
}

func pidAlive(data []byte) bool {
	n, err := strconv.Atoi(string(data))
	return err == nil && n > 0
}

// readPid returns nothing when the lock cannot be read.
func readPid(p string) []byte {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	return data
}

func takeOverDeadPid(lock string) error {
	if exists(lock) {
		if pidAlive(readPid(lock)) {
			return errBusy
		}
	}
	return os.WriteFile(lock, pid(), 0o600) // want `os.WriteFile creates lock after stalelock.exists found it absent or stale`
}

// run has the shape of rclone's bisync lock (cmd/bisync/lockfile.go): the
// lock path is a field, and the staleness test a method of its holder.
type run struct {
	lockFile string
	maxLock  time.Duration
}

func (b *run) lockFileIsExpired() bool {
	fi, err := os.Stat(b.lockFile)
	return err == nil && time.Since(fi.ModTime()) > b.maxLock
}

func (b *run) setLockFile(base string) error {
	b.lockFile = base + ".lck"
	if exists(b.lockFile) {
		if !b.lockFileIsExpired() {
			return fmt.Errorf("prior lock file found: %s", b.lockFile)
		}
	}
	if err := os.WriteFile(b.lockFile, pid(), 0o600); err != nil { // want `os.WriteFile creates b.lockFile after stalelock.exists found it absent or stale`
		return fmt.Errorf("cannot create lock file: %s: %w", b.lockFile, err)
	}
	return nil
}

func takeOverExcl(lock string) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
	}
	f, err := os.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: the create fails if another process took the lock
	if err != nil {
		return err
	}
	return f.Close()
}

func takeOverRemoveExcl(lock string) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
		os.Remove(lock)
	}
	f, err := os.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: the stale lock is removed, and the create is exclusive
	if err != nil {
		return err
	}
	return f.Close()
}

func regenerate(out string, src time.Time, data []byte) error {
	fi, err := os.Stat(out)
	if err == nil && fi.ModTime().After(src) {
		return nil // up to date
	}
	return os.WriteFile(out, data, 0o644) // no diagnostic: an output regenerated when out of date; a fresh one is kept, not refused
}

func overwriteIfForced(out string, force bool, data []byte) error {
	if exists(out) {
		if !force {
			return os.ErrExist
		}
	}
	return os.WriteFile(out, data, 0o644) // no diagnostic: the inner test is an option, not a test of the file
}

func warnIfStale(lock string) error {
	if exists(lock) {
		if stale(lock) {
			log.Print("stale lock ", lock)
		}
	}
	return os.WriteFile(lock, pid(), 0o600) // no diagnostic: the write runs whatever the checks found
}

func takeOverOther(lock, other string) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
	}
	return os.WriteFile(other, pid(), 0o600) // no diagnostic: another path
}

func staleOnlyIfPresent(lock string) error {
	if !exists(lock) {
		return errors.New("no lock to renew")
	}
	if !stale(lock) {
		return errBusy
	}
	return os.WriteFile(lock, pid(), 0o600) // no diagnostic: only a present lock is rewritten (no absent path reaches the write)
}

// takeOverRemoveChecked removes the stale lock and returns the remove's
// error: two races, the remove (which can delete the lock the other taker
// just made: opt-in remove-if-present, its error is what the race gives)
// and the takeover by a create, reported on its own so that the remove's
// opt-in category does not hide it.
func takeOverRemoveChecked(lock string, data []byte) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
		if err := os.Remove(lock); err != nil { // want `os.Remove removes lock after stalelock.exists found it present; another process can remove or replace it in between, and the remove then fails or deletes the replacement`
			return err
		}
	}
	return os.WriteFile(lock, data, 0o600) // want `os.WriteFile creates lock after stalelock.exists found it absent or stale`
}
