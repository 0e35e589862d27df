// Package whatbreaks has races whose use breaks less than the rest of
// its category: a change of times only after a presence check, a change
// of mode only after one outside a shared directory, and a read after a
// symbolic-link check. They are reported in the opt-in categories
// times-if-present, mode-if-present and symlink-check-then-read (with
// -pathrace.all), so the default run says nothing of them; each line
// marked "(times-if-present)", "(mode-if-present)" or
// "(symlink-check-then-read)" is checked to carry that category. The
// writes, creates, changes of owner and changes of mode in a shared
// directory beside them stay in their default categories.
package whatbreaks

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

var errLink = errors.New("refusing to follow a symbolic link")

// ---- times only: the race moves the times of a file swapped in

func restoreTimes(dir string, work func() error) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if err := work(); err != nil {
		return err
	}
	return os.Chtimes(dir, fi.ModTime(), fi.ModTime()) // no diagnostic: (times-if-present) only the times of a swapped-in file change
}

func touchIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	now := time.Now()
	return os.Chtimes(p, now, now) // no diagnostic: (times-if-present)
}

func utimesIfPresent(p string, tv []syscall.Timeval) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return syscall.Utimes(p, tv) // no diagnostic: (times-if-present)
}

// ---- mode only, outside a shared directory: the change lands on a file
// swapped in only if someone else can replace entries of the directory

func chmodIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o644) // no diagnostic: (mode-if-present) nothing shows a stranger can write p's directory
}

func syscallChmodIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return syscall.Chmod(p, 0o644) // no diagnostic: (mode-if-present)
}

// The nearest reported shapes: a change of mode in a shared directory,
// where anyone can plant a link to the program's own files; a change of
// owner, a privileged act, and a truncate, which loses data, anywhere.
func chmodSharedIfPresent(name string) error {
	p := filepath.Join("/tmp", name)
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o644) // want `os.Chmod changes p by name after os.Stat found it present`
}

func chownIfPresent(p string, uid, gid int) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chown(p, uid, gid) // want `os.Chown changes p by name after os.Stat found it present`
}

func truncateIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Truncate(p, 0) // want `os.Truncate changes p by name after os.Stat found it present`
}

// A helper that sets times is not known to set only times: it stays.
func touch(p string) error {
	now := time.Now()
	if err := os.Chtimes(p, now, now); err != nil {
		return err
	}
	return os.Chmod(p, 0o600)
}

func touchHelperIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return touch(p) // want `touch changes p by name after os.Stat found it present`
}

// ---- reads after a symbolic-link check

func hashIfNotLink(p string, h io.Writer) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		_, err := os.Readlink(p)
		return err
	}
	f, err := os.Open(p) // no diagnostic: (symlink-check-then-read) reads only: the program's own rights decide what a planted link shows
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}

func readRegular(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, errLink
	}
	return os.ReadFile(p) // no diagnostic: (symlink-check-then-read)
}

func openReadOnly(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errLink
	}
	return os.OpenFile(p, os.O_RDONLY, 0) // no diagnostic: (symlink-check-then-read)
}

// The nearest reported shapes: a write, a create or a change of mode
// through a planted link breaks the link's target whoever runs the code.
func writeRegular(p string, data []byte) error {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return errLink
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p by name after os.Lstat examined what kind of file it is`
}

func appendRegular(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errLink
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0) // want `os.OpenFile writes p by name after os.Lstat examined what kind of file it is`
}

func chmodRegular(p string) error {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		return errLink
	}
	return os.Chmod(p, 0o600) // want `os.Chmod changes p by name after os.Lstat examined what kind of file it is`
}

func chtimesRegular(p string, t time.Time) error {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		return errLink
	}
	return os.Chtimes(p, t, t) // want `os.Chtimes changes p by name after os.Lstat examined what kind of file it is`
}

// ---- empty markers: two creators make the same empty file

func markDone(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, nil, 0o644) // no diagnostic: (empty-marker-if-absent) nothing to lose between two creators
}

func touchMarker(p string) error {
	if _, err := os.Stat(p); err != nil {
		f, err := os.Create(p) // no diagnostic: (empty-marker-if-absent)
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

func touchMarkerFS(fsys afero.Fs, p string) error {
	if _, err := fsys.Stat(p); err != nil {
		f, err := fsys.Create(p) // no diagnostic: (empty-marker-if-absent) through a file system
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

// The nearest reported shapes: a marker in a shared directory, where a
// stranger can plant a link whose target the create truncates; a marker
// whose presence is a failure, a lock; a file with content.
func markShared() error {
	const p = "/tmp/app.done"
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

var errHeld = errors.New("held")

// lockMarker's unlock removes the marker: a lock.
func lockMarker(p string) (unlock func(), err error) {
	if _, err := os.Stat(p); err == nil {
		return nil, errHeld
	}
	unlock = func() { os.Remove(p) }
	return unlock, os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// ---- no lock: the present branch goes on, or the file is kept (never
// removed); a second writer's file is replaced, the last one wins

func writeState(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: (write-if-absent) the present branch goes on
}

// writeDefaultConfig refuses when the file is there, spelled with the
// FileInfo too (err == nil && fi != nil: an existence test, no test of
// a stale lock), and keeps the file.
func writeDefaultConfig(p, config string) error {
	fi, err := os.Stat(p)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if err == nil && fi != nil {
		return errors.New("configuration already exists")
	}
	f, err := os.Create(p) // no diagnostic: (write-if-absent) kept, and the present branch tests no staleness
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(config)
	return err
}

// lockByInfo is a lock whose check is spelled with the FileInfo alone.
func lockByInfo(p string) (unlock func(), err error) {
	if fi, _ := os.Stat(p); fi != nil {
		return nil, errHeld
	}
	f, err := os.Create(p) // want `os.Create creates p after os.Stat found it absent`
	if err != nil {
		return nil, err
	}
	f.Close()
	return func() { os.Remove(p) }, nil
}

// writeKey refuses to overwrite a key, and keeps the one it writes.
func writeKey(p string, key []byte) error {
	if _, err := os.Stat(p); err == nil {
		return errors.New("key exists")
	}
	return os.WriteFile(p, key, 0o600) // no diagnostic: (write-if-absent) a guard against overwriting, no lock: the file is kept
}

// generateSchema ends the program when the file is there.
func generateSchema(p string, schema []byte) {
	if _, err := os.Stat(p); err == nil {
		log.Fatalf("refusing to overwrite %s", p)
	}
	if err := os.WriteFile(p, schema, 0o644); err != nil { // no diagnostic: (write-if-absent) kept
		log.Fatal(err)
	}
}

// A lock held in a field, released by another method; and one whose
// present branch ends the program, released by a deferred remove.
type pidLock struct{ path string }

func (l *pidLock) Lock(dir string) error {
	l.path = filepath.Join(dir, "app.pid")
	if _, err := os.Stat(l.path); err == nil {
		return errHeld
	}
	return os.WriteFile(l.path, []byte("1"), 0o644) // want `os.WriteFile creates l.path after os.Stat found it absent`
}

func (l *pidLock) Unlock() error { return os.Remove(l.path) }

func runOnce(p string, work func()) {
	if _, err := os.Stat(p); err == nil {
		log.Fatal("already running")
	}
	if err := os.WriteFile(p, []byte("1"), 0o644); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		log.Fatal(err)
	}
	defer os.Remove(p)
	work()
}

// ---- fixed content: a default or a template written when absent; a
// second writer writes the same bytes

const defaultConfig = "listen: :8080\n"

//go:embed whatbreaks.go
var template []byte

var banner = []byte("# generated\n")

func ensureConfig(p string) error {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return os.WriteFile(p, []byte(defaultConfig), 0o644) // no diagnostic: (fixed-content-if-absent) a second writer writes the same default
	}
	return nil
}

func ensureTemplate(p string) (string, error) {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return p, os.WriteFile(p, template, 0o644) // no diagnostic: (fixed-content-if-absent) an embedded file
	}
	return p, nil
}

func ensureBanner(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, banner, 0o644) // no diagnostic: (fixed-content-if-absent) set only by the package initializer
}

// The nearest reported shapes: the same default in a shared directory; a
// default whose presence is a failure (a lock with content); content
// that a run computes, or a variable the package sets at run time.
func ensureSharedDefault() error {
	const p = "/tmp/app.conf"
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return os.WriteFile(p, []byte(defaultConfig), 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
	}
	return nil
}

func lockWithPid(pidFile string) error {
	if _, err := os.Stat(pidFile); err == nil {
		return errHeld
	}
	return os.WriteFile(pidFile, []byte("locked"), 0o644) // want `os.WriteFile creates pidFile after os.Stat found it absent`
}

func unlockPid(pidFile string) error { return os.Remove(pidFile) }

var current []byte

func setCurrent(b []byte) { current = b }

func saveCurrent(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, current, 0o644) // no diagnostic: (write-if-absent) no lock, content set at run time
}

var Exported = []byte("x")

func saveExported(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, Exported, 0o644) // no diagnostic: (write-if-absent) no lock, content another package may set
}

// ---- one check, uses of different categories: each its own race, so
// that the opt-in one does not hide the other

func makeOrFix(root string) error {
	st, err := os.Stat(root)
	if err != nil {
		if !os.IsNotExist(err) {
			return err
		}
		return os.Mkdir(root, 0o700) // no diagnostic: opt-in mkdir-if-absent, its own race
	}
	if st.Mode().Perm()&0o077 != 0 {
		return os.Chmod(root, 0o700) // no diagnostic: (mode-if-present)
	}
	return nil
}

func stampAndChmod(p string, t time.Time) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	if err := os.Chtimes(p, t, t); err != nil { // no diagnostic: (times-if-present)
		return err
	}
	return os.Chmod(p, 0o600) // no diagnostic: (mode-if-present)
}

// How a present branch refuses, spelled as real code spells it: one
// predicate (refuses) answers for locks, fixes and rename-over-checked.

// LockedError is the error of a lock that another process holds.
type LockedError struct{ Path string }

func (e *LockedError) Error() string { return e.Path + ": locked" }

func newLockedError(p string) error { return &LockedError{Path: p} }

func newLockedErrorf(p string) error { return fmt.Errorf("%s: locked", p) }

// lockByHelper refuses with an error the package's own helper makes.
func lockByHelper(p string) (unlock func(), err error) {
	if _, err := os.Stat(p); err == nil {
		return nil, newLockedError(p)
	}
	unlock = func() { os.Remove(p) }
	return unlock, os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// lockByHelperf refuses with a helper that wraps fmt.Errorf.
func lockByHelperf(p string) (unlock func(), err error) {
	if _, err := os.Stat(p); err == nil {
		return nil, newLockedErrorf(p)
	}
	unlock = func() { os.Remove(p) }
	return unlock, os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// lockByValue refuses with a value of a concrete error type.
func lockByValue(p string) (unlock func(), err error) {
	if _, err := os.Stat(p); err == nil {
		return nil, &LockedError{Path: p}
	}
	unlock = func() { os.Remove(p) }
	return unlock, os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// A present branch that returns success is no refusal however the
// return is spelled: without defers (skipIfThere), or through the result
// local of a function with a deferred call (skipIfThereDeferred; before,
// the load of that local was taken for an error, and the file, removed
// again, for a lock).
func skipIfThere(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.WriteFile(p, data, 0o644); err != nil { // no diagnostic: (write-if-absent) the present branch returns success
		return err
	}
	return os.Remove(p)
}

func skipIfThereDeferred(p string, data []byte, log *os.File) (err error) {
	defer log.Sync()
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.WriteFile(p, data, 0o644); err != nil { // no diagnostic: (write-if-absent) the present branch returns success through a result local
		return err
	}
	return os.Remove(p)
}

// cleanupIfPresent returns the error of removing its own scratch file,
// an operation: no refusal, no lock.
func cleanupIfPresent(p, scratch string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return os.Remove(scratch)
	}
	defer os.Remove(p)
	return os.WriteFile(p, data, 0o644) // no diagnostic: (write-if-absent) the present branch cleans up and succeeds
}

// claimByHelper refuses a rename with a helper's error: reported, the
// rename breaks the refusal.
func claimByHelper(tmp, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return newLockedError(dst)
	}
	return os.Rename(tmp, dst) // want `os.Rename renames onto dst after os.Lstat found it absent`
}
