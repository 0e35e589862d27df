// Package stopuse exits while holding a lock file through never-returning
// helpers of another package (example.com/stop), as it would through
// os.Exit or log.Fatal.
package stopuse

import (
	"os"

	"example.com/stop"
)

const excl = os.O_WRONLY | os.O_CREATE | os.O_EXCL

func work() error { return nil }

func exitSkipsDeferredRemoval(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		stop.Exit("lock: %v", err) // no diagnostic: not acquired
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		stop.Exit("work: %v", err) // want `stop.Exit exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}

func exitBeforeRemoval(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	if err := work(); err != nil {
		stop.Exit("work: %v", err) // want `stop.Exit exits leaving lock file lockPath behind after os.OpenFile acquired it`
	}
	os.Remove(lockPath)
}

func panicRunsDeferredRemoval(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		stop.Panic(err) // no diagnostic: a panic runs the deferred removal
	}
}

func noteReturns(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	if err := work(); err != nil {
		stop.Note("work: %v", err) // no diagnostic: Note returns, and the removal below runs
	}
	os.Remove(lockPath)
}

func removeThenExit(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	if err := work(); err != nil {
		os.Remove(lockPath)
		stop.Exit("work: %v", err) // no diagnostic: the lock file is removed before the exit
	}
	os.Remove(lockPath)
}

// fail is the package's own exit helper: the stop predicate knows how it
// ends from its graph, as it knows stop.Exit from its summary.
func fail(err error) {
	stop.Note("fatal: %v", err)
	os.Exit(1)
}

func localExitSkipsDeferredRemoval(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		fail(err) // no diagnostic: not acquired
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		fail(err) // want `stopuse.fail exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}
