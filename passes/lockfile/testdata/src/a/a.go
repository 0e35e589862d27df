// Package a has bad and good cases of lock files acquired with the
// standard library, side by side.
package a

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

const excl = os.O_WRONLY | os.O_CREATE | os.O_EXCL

func work() error { return nil }

// ---- released-on-some-paths

func returnOnError(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err // no diagnostic: not acquired
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after os.OpenFile acquired it; later runs will find the lock held forever \(remove it on this path too, or defer its removal right after acquiring it\)`
	}
	return os.Remove(lockPath) // no diagnostic: removed
}

func earlyNil(dir string, items []string) error {
	lockPath := filepath.Join(dir, ".lock")
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if len(items) == 0 {
		return nil // want `return leaves lock file lockPath behind`
	}
	err = work()
	os.Remove(lockPath)
	return err // no diagnostic: removed just before
}

func panics(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	if err := work(); err != nil {
		panic(err) // want `panic leaves lock file lockPath behind after os.OpenFile acquired it, with no deferred removal`
	}
	os.Remove(lockPath)
}

func fatal(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		log.Fatal(err) // no diagnostic: not acquired
	}
	f.Close()
	if err := work(); err != nil {
		log.Fatal(err) // want `log.Fatal exits leaving lock file lockPath behind after os.OpenFile acquired it`
	}
	os.Remove(lockPath)
}

func exitSkipsDefer(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		log.Fatal(err)
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		log.Printf("sync: %v", err)
		os.Exit(1) // want `os.Exit exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}

func lateDefer(lockPath string, dryRun bool) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if dryRun {
		return nil // want `return leaves lock file lockPath behind`
	}
	defer os.Remove(lockPath)
	return work() // no diagnostic: the deferred removal runs
}

// createNew removes its new file when the write fails, but not when the
// sync fails: the same file is kept on one failure and not on the other.
func createNew(path string, data []byte) error {
	f, err := os.OpenFile(path, excl, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err // no diagnostic: removed
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err // want `return leaves lock file path behind after os.OpenFile acquired it`
	}
	return f.Close() // no diagnostic: success keeps the new file for the caller
}

func syscallLock(lockPath string) error {
	fd, err := syscall.Open(lockPath, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("locking %s: %w", lockPath, err)
	}
	syscall.Close(fd)
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after syscall.Open acquired it`
	}
	return syscall.Unlink(lockPath)
}

func linkLock(tmp, lockPath string) error {
	if err := os.Link(tmp, lockPath); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after os.Link acquired it`
	}
	return os.Remove(lockPath)
}

func voidHolder(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		log.Print(err)
		return
	}
	f.Close()
	if err := work(); err != nil {
		log.Print(err)
		return // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath)
} // no diagnostic: removed before the end

func unixLock(lockPath string) error {
	fd, err := unix.Open(lockPath, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("%s: %w", lockPath, err)
	}
	unix.Close(fd)
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind after unix.Open acquired it`
	}
	return unix.Unlink(lockPath)
}

// ---- released on every path, or handed over

func deferred(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	if err := work(); err != nil {
		return err // no diagnostic: the deferred removal runs
	}
	return nil
}

func deferredClosure(lockPath string) (err error) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if rerr := os.Remove(lockPath); rerr != nil && err == nil {
			err = rerr
		}
	}()
	f.Close()
	return work() // no diagnostic: the deferred function removes it
}

func explicitEverywhere(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		os.Remove(lockPath)
		return err // no diagnostic: removed just before
	}
	return os.Remove(lockPath) // no diagnostic: removed
}

func returnsRelease(lockPath string) (func(), error) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	return func() { os.Remove(lockPath) }, nil // no diagnostic: the caller releases it
}

type locker struct {
	f    *os.File
	path string
}

func (l *locker) lock() error {
	f, err := os.OpenFile(l.path, excl, 0o600)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(f, "%d\n", os.Getpid()); err != nil {
		f.Close()
		os.Remove(l.path)
		return err
	}
	l.f = f
	return nil // no diagnostic: the handle is stored, unlock releases it
}

func (l *locker) unlock() error {
	l.f.Close()
	return os.Remove(l.path)
}

var held = map[string]*os.File{}

func lockInMap(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	if err := work(); err != nil {
		f.Close()
		os.Remove(lockPath)
		return err
	}
	held[lockPath] = f
	return nil // no diagnostic: stored in a map
}

func registers(lockPath string, cleanups *[]func()) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	register(func() { os.Remove(lockPath) })
	return work() // no diagnostic: a cleanup registry releases it
}

func register(func()) {}

func watcher(lockPath string, done chan struct{}) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	go func() {
		<-done
		os.Remove(lockPath)
	}()
	return work() // no diagnostic: the goroutine releases it
}

func reassigned(dir string) error {
	lockPath := filepath.Join(dir, "a.lock")
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	release := func() { os.Remove(lockPath) }
	defer release()
	lockPath = filepath.Join(dir, "other")
	return work() // no diagnostic: the deferred function removes the lock
}

// ---- not locks, or not acquired

func keptFile(path string, data []byte) error {
	f, err := os.OpenFile(path, excl, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err // no diagnostic: never removed, so a new file, not a lock
	}
	return f.Close()
}

func cleanupMerged(path string, data []byte) error {
	f, err := os.OpenFile(path, excl, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err // no diagnostic: a new file, removed only when writing it failed
}

func otherFileRemoved(lockPath, tmp string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // no diagnostic: only another file is removed, so lockPath is kept
	}
	return os.Remove(tmp)
}

func untested(lockPath string) {
	f, _ := os.OpenFile(lockPath, excl, 0o600)
	f.Close()
	work()
	os.Remove(lockPath)
} // no diagnostic: the outcome of the create is never tested

func retry(lockPath string) error {
	var err error
	for i := 0; i < 10; i++ {
		var f *os.File
		f, err = os.OpenFile(lockPath, excl, 0o600)
		if err == nil {
			f.Close()
			break
		}
		time.Sleep(time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("%s still held: %w", lockPath, err) // no diagnostic: not acquired
	}
	defer os.Remove(lockPath)
	return work()
}

func breaksStale(lockPath string, stale bool) error {
	if stale {
		os.Remove(lockPath)
	}
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	return f.Close() // no diagnostic: the removal before the create breaks a stale lock; the new one is kept
}

func inLiteral(lockPath string) error {
	return func() error {
		f, err := os.OpenFile(lockPath, excl, 0o600)
		if err != nil {
			return err
		}
		defer os.Remove(lockPath)
		f.Close()
		return work() // no diagnostic: deferred in the literal
	}()
}

func generic[T any](lockPath string, v T) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	_ = v
	return work() // no diagnostic: deferred
}

// ---- opaque-held-error

func bareSentinel(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held; the user sees only "file already exists" and cannot tell which file to remove after a crash \(wrap it with fmt.Errorf and %w, naming the lock file and how to clear a stale one\)`
		}
		return err // no diagnostic: the *PathError names the file
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

func fsSentinel(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return fs.ErrExist // want `return gives fs.ErrExist when lock file lockPath is held`
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

func rawErrno(lockPath string) error {
	fd, err := syscall.Open(lockPath, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o600)
	if err != nil {
		return err // want `return gives the unwrapped error of syscall.Open when lock file lockPath is held; the user sees only "file exists"`
	}
	defer syscall.Unlink(lockPath)
	syscall.Close(fd)
	return work()
}

func errnoHeld(lockPath string) error {
	fd, err := syscall.Open(lockPath, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o600)
	if err == syscall.EEXIST {
		return syscall.EEXIST // want `return gives syscall.EEXIST when lock file lockPath is held`
	}
	if err != nil {
		return fmt.Errorf("%s: %w", lockPath, err) // no diagnostic: wrapped with the path
	}
	defer syscall.Unlink(lockPath)
	syscall.Close(fd)
	return work()
}

var errBusy = errors.New("busy")

func ownSentinel(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return errBusy // no diagnostic: the program's own sentinel
	}
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

func wrapped(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return fmt.Errorf("%s is held: %w", lockPath, err) // no diagnostic: wrapped with the path
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

type heldError struct{ path string }

func (e *heldError) Error() string { return e.path + " is held" }

func customType(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if os.IsExist(err) {
		return &heldError{lockPath} // no diagnostic: a custom error type
	}
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	return work()
}

func keptSentinel(path string) error {
	f, err := os.OpenFile(path, excl, 0o600)
	if os.IsExist(err) {
		return os.ErrExist // no diagnostic: the file is kept, not a lock
	}
	if err != nil {
		return err
	}
	return f.Close()
}

func ignoredResult(lockPath string) bool {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return false // no diagnostic: no error is returned
	}
	defer os.Remove(lockPath)
	f.Close()
	return work() == nil
}

// linkProtocol is link(2)'s lock protocol (nightlyone/lockfile): the link's
// error is ignored when the file exists, and a comparison of the files
// decides. The removal of a stale lock before trying again is no release.
func linkProtocol(tmp, name string) error {
	if err := os.Link(tmp, name); err != nil {
		if !os.IsExist(err) {
			return err
		}
	}
	fiTmp, err := os.Lstat(tmp)
	if err != nil {
		return err // no diagnostic: the link's outcome decides nothing here
	}
	fiLock, err := os.Lstat(name)
	if err != nil {
		return err // no diagnostic: the link's outcome decides nothing here
	}
	if os.SameFile(fiTmp, fiLock) {
		return nil // no diagnostic: acquired, for the caller
	}
	if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
		return err
	}
	return linkProtocol(tmp, name)
}

func removesByName(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	f.Close()
	return work() // no diagnostic: f.Name() is the lock file
}

const globalLock = "/run/app.lock"

func unlockGlobal() { os.Remove(globalLock) }

func globalHelper() error {
	f, err := os.OpenFile(globalLock, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	defer unlockGlobal()
	if err := work(); err != nil {
		return err // no diagnostic: the deferred helper removes the package's lock file
	}
	os.Remove(globalLock)
	return nil
}

func globalHelperLeak() error {
	f, err := os.OpenFile(globalLock, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file globalLock behind`
	}
	unlockGlobal()
	return nil
}

func ifAcquired(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err == nil {
		f.Close()
		if err := work(); err != nil {
			return err // want `return leaves lock file lockPath behind`
		}
		os.Remove(lockPath)
	}
	return err // no diagnostic: removed, or not acquired
}

func failureFallsThrough(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		log.Printf("lock: %v", err)
	}
	if err := work(); err != nil {
		return err // no diagnostic: the create's outcome decides nothing, the code runs either way
	}
	f.Close()
	return os.Remove(lockPath)
}

// replace removes a file to make it again: that removal is no release.
func replace(path string, force bool) error {
	f, err := os.OpenFile(path, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if force {
		os.Remove(path)
		f, err := os.OpenFile(path, excl, 0o600)
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil // no diagnostic: the removal is followed by a new create, so the file is kept
}

func symlinkIsNoLock(target, link string) error {
	if err := os.Symlink(target, link); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err // no diagnostic: a symbolic link is no lock
	}
	return os.Remove(link)
}

// Shapes seen in the wild: a retry loop that writes metadata and defers
// the release in the loop's success branch.
func withPathLock(lockPath string, deadline time.Time, fn func() error) error {
	for {
		f, err := os.OpenFile(lockPath, excl, 0o600)
		if err == nil {
			if _, err := fmt.Fprintf(f, "%d\n", os.Getpid()); err != nil {
				f.Close()
				os.Remove(lockPath)
				return err // no diagnostic: removed just before
			}
			defer func() {
				f.Close()
				os.Remove(lockPath)
			}()
			return fn() // no diagnostic: the deferred function removes it
		}
		if !errors.Is(err, os.ErrExist) {
			return fmt.Errorf("lock %s: %w", lockPath, err)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("lock %s: timed out", lockPath)
		}
		time.Sleep(time.Millisecond)
	}
}

// A stale lock is reclaimed once: removed, then created again.
func acquireReclaim(lockPath string, staleAfter time.Duration) (func(), bool) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err == nil {
		f.Close()
		return func() { os.Remove(lockPath) }, true // no diagnostic: the caller releases it
	}
	if !os.IsExist(err) {
		return func() {}, false
	}
	if fi, serr := os.Stat(lockPath); serr == nil && time.Since(fi.ModTime()) > staleAfter {
		if os.Remove(lockPath) == nil {
			f, err := os.OpenFile(lockPath, excl, 0o600)
			if err == nil {
				f.Close()
				return func() { os.Remove(lockPath) }, true // no diagnostic: the caller releases it
			}
		}
	}
	return func() {}, false
}

// The lock expires on its own: a goroutine removes it later.
func timedLock(lockPath string, done <-chan struct{}) (bool, error) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return false, nil
		}
		return false, err
	}
	f.Close()
	go func() {
		select {
		case <-done:
		case <-time.After(30 * time.Second):
		}
		os.Remove(lockPath)
	}()
	return true, nil // no diagnostic: the goroutine releases it
}
