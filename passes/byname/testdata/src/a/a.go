// Package a has bad and good cases side by side for each operation by
// name on a file the function holds open.
package a

import (
	"errors"
	"io"
	"iter"
	"log"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

var errSwapped = errors.New("swapped")

// ---- chmod-by-name

func chmodAfterCreate(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open; another process can replace the name in between and the change lands on the replacement \(use f.Chmod\)`
}

func chmodThenClose(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := os.Chmod(p, 0o600); err != nil { // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
		f.Close()
		return err
	}
	return f.Close()
}

func chmodAfterClose(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Chmod(p, 0o600) // no diagnostic: the handle is closed on every path
}

func chmodAfterCloseOnBothBranches(p string, keep bool) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if keep {
		f.Close()
	} else {
		f.Close()
		os.Remove(p)
	}
	return os.Chmod(p, 0o600) // no diagnostic: closed on both branches
}

func chmodAfterCloseOnOneBranch(p string, early bool) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if early {
		f.Close()
	}
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func chmodOtherPath(p, q string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(q, 0o600) // no diagnostic: a different path
}

func chmodWithoutHandle(p string) error {
	return os.Chmod(p, 0o600) // no diagnostic: no handle exists
}

func chmodDiscardedHandle(p string) error {
	_, err := os.Create(p)
	if err != nil {
		return err
	}
	return os.Chmod(p, 0o600) // no diagnostic: the file was not kept; there is no handle to use
}

func chmodReassignedPath(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	p = p + ".bak"
	return os.Chmod(p, 0o600) // no diagnostic: the handle was opened with a different path value
}

func chmodBeforeErrorCheck(p string) error {
	f, err := os.Create(p)
	cerr := os.Chmod(p, 0o600) // no diagnostic: the open may have failed
	if err != nil {
		return err
	}
	f.Close()
	return cerr
}

func chmodInErrorBranch(p string) error {
	f, err := os.Create(p)
	if err != nil {
		os.Chmod(p, 0o600) // no diagnostic: the open failed here
		return err
	}
	return f.Close()
}

func chmodErrorIgnored(p string) {
	f, _ := os.Create(p)
	defer f.Close()
	os.Chmod(p, 0o600) // no diagnostic: the open's error is never checked, f may be nil
}

func chmodAfterLoggedError(p string) {
	f, err := os.Create(p)
	if err != nil {
		log.Print(err)
	}
	defer f.Close()
	os.Chmod(p, 0o600) // no diagnostic: the error branch falls through, f may be nil
}

func chmodAfterFatal(p string) {
	f, err := os.Create(p)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

func chmodWhenHandleNotNil(p string) {
	f, _ := os.Create(p)
	if f != nil {
		os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
		f.Close()
	}
}

func chmodInIfInit(p string) error {
	if f, err := os.Create(p); err == nil {
		defer f.Close()
		return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
	}
	return nil
}

func chmodDeferred(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Chmod(p, 0o600) // no diagnostic: deferred calls run when the function returns
	_, err = f.WriteString("x")
	return err
}

func chmodInGoroutine(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	go os.Chmod(p, 0o600) // no diagnostic: it runs at another time
	return nil
}

func chmodJoined(dir, name string) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(filepath.Join(dir, name), 0o600) // want `os.Chmod changes the mode of filepath.Join\(dir, name\) by name while f`
}

func chmodParentDir(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(filepath.Dir(p), 0o700) // no diagnostic: the directory is another file
}

func chmodTempName(dir string) (string, error) {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := os.Chmod(f.Name(), 0o644); err != nil { // want `os.Chmod changes the mode of f.Name\(\) by name while f, opened from it, is still open`
		return "", err
	}
	return f.Name(), nil
}

func chmodTempNameAfterClose(dir string) (string, error) {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), os.Chmod(f.Name(), 0o644) // want `os.Chmod changes the mode of f.Name\(\) by name after f was closed; another process can replace the name in between and the change lands on the replacement \(call f.Chmod before closing f\)`
}

func chmodOPath(p string) error {
	f, err := os.OpenFile(p, unix.O_PATH, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: an O_PATH handle cannot change the file
}

func chmodAfterConditionalOpen(p string, open bool) error {
	var f *os.File
	if open {
		var err error
		f, err = os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
	}
	return os.Chmod(p, 0o600) // no diagnostic: the open does not run on every path
}

func chmodSyscall(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.Chmod(p, 0o600) // want `syscall.Chmod changes the mode of p by name while f, opened from it, is still open; .* \(use f.Chmod\)`
}

// ---- chown-by-name

func chownAfterOpenFile(p string, uid, gid int) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f, opened from it, is still open; another process can replace the name in between and the change lands on the replacement \(use f.Chown\)`
}

func lchownAfterCreate(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Lchown(p, uid, gid) // want `os.Lchown changes the owner of p by name while f`
}

func chownUnix(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Chown(p, uid, gid) // want `unix.Chown changes the owner of p by name while f`
}

func chownHandedToCloser(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	finish(f)
	return os.Chown(p, uid, gid) // no diagnostic: finish may have closed the file
}

func finish(f *os.File) { f.Close() }

func chownAfterIOCloser(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	var c io.Closer = f
	c.Close()
	return os.Chown(p, uid, gid) // no diagnostic: closed through io.Closer
}

func chownAfterCleanupClosure(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	cleanup := func() { f.Close() }
	cleanup()
	return os.Chown(p, uid, gid) // no diagnostic: the closure closed it
}

var cleanups []func()

func chownClosurePassedOn(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	cleanups = append(cleanups, func() { f.Close() })
	return os.Chown(p, uid, gid) // no diagnostic: the captured handle may be closed by anyone
}

func chownAfterFdClose(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	syscall.Close(int(f.Fd()))
	return os.Chown(p, uid, gid) // no diagnostic: the descriptor was closed
}

// ---- chtimes-by-name

func chtimesAfterCreate(p string, t time.Time) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chtimes(p, t, t) // want `os.Chtimes changes the times of p by name while f, opened from it, is still open; another process can replace the name in between and the change lands on the replacement \(no \*os.File method sets times; unix.Futimes\(int\(f.Fd\(\)\), …\) sets them through the handle\)`
}

func utimesUnix(p string, tv []unix.Timeval) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Utimes(p, tv) // want `unix.Utimes changes the times of p by name while f`
}

func chtimesAfterRename(p, q string, t time.Time) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Rename(p, q); err != nil {
		return err
	}
	return os.Chtimes(q, t, t) // no diagnostic: the new name is another path value
}

// ---- truncate-by-name

func truncateAfterOpenFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // want `os.Truncate truncates p by name while f, opened from it, is still open; another process can replace the name in between and the replacement is truncated \(use f.Truncate\)`
}

func truncateReadOnly(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // no diagnostic: the handle is read-only and cannot truncate
}

func truncateFlagsChosen(p string, write bool) error {
	flag := os.O_RDONLY
	if write {
		flag = os.O_RDWR
	}
	f, err := os.OpenFile(p, flag, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // want `os.Truncate truncates p by name while f`
}

func truncateSyscall(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.Truncate(p, 0) // want `syscall.Truncate truncates p by name while f`
}

// ---- stat-by-name

func statAfterOpen(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := os.Stat(p) // want `os.Stat examines p by name while f, opened from it, is still open; another process can replace the name in between and the answer describes the replacement \(use f.Stat\)`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, fi.Size())
	_, err = io.ReadFull(f, buf)
	return buf, err
}

func lstatAfterOpen(p string) (*os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(p) // want `os.Lstat examines p by name while f, opened from it, is still open; .* \(use f.Stat, and os.SameFile to compare it with the name\)`
	if err != nil || fi.Mode()&os.ModeSymlink != 0 {
		f.Close()
		return nil, errSwapped
	}
	return f, nil
}

func lstatSameFile(p string) (*os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	hi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	li, err := os.Lstat(p) // no diagnostic: compared with the handle through os.SameFile
	if err != nil || !os.SameFile(hi, li) {
		f.Close()
		return nil, errSwapped
	}
	return f, nil
}

func statComparedWithHandle(p string) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	hi, err := f.Stat()
	if err != nil {
		return false, err
	}
	ni, err := os.Stat(p) // no diagnostic: the function compares the name with the handle
	if err != nil {
		return true, nil
	}
	return !ni.ModTime().Equal(hi.ModTime()), nil
}

func statBeforeOpen(p string) (*os.File, int64, error) {
	fi, err := os.Stat(p) // no diagnostic: no handle is open yet
	if err != nil {
		return nil, 0, err
	}
	f, err := os.Open(p)
	return f, fi.Size(), err
}

func statUnix(p string) (uint32, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var st unix.Stat_t
	err = unix.Stat(p, &st) // want `unix.Stat examines p by name while f, opened from it, is still open; .* \(use f.Stat, or Fstat on f.Fd\(\)\)`
	return st.Mode, err
}

func statUnixFstatToo(p string) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var byFd, byName unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &byFd); err != nil {
		return false, err
	}
	err = unix.Stat(p, &byName) // no diagnostic: compared with Fstat of the handle
	return byFd == byName, err
}

func statInLoop(paths []string) (int64, error) {
	var total int64
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		fi, err := os.Stat(p) // want `os.Stat examines p by name while f`
		f.Close()
		if err == nil {
			total += fi.Size()
		}
	}
	return total, nil
}

func statAfterLoop(paths []string) error {
	var last string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		f.Close()
		last = p
	}
	_, err := os.Stat(last) // no diagnostic: no open dominates the stat
	return err
}

func statInSwitch(p string) (os.FileInfo, error) {
	f, err := os.Open(p)
	switch {
	case err != nil:
		return nil, err
	}
	defer f.Close()
	return os.Stat(p) // want `os.Stat examines p by name while f`
}

// ---- handles held elsewhere

type logger struct {
	path string
	file *os.File
}

func (l *logger) reopen() error {
	var err error
	l.file, err = os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	return os.Chmod(l.path, 0o600) // want `os.Chmod changes the mode of l.path by name while l.file, opened from it, is still open`
}

func (l *logger) reopenAndFlush() error {
	var err error
	l.file, err = os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	l.flush()
	return os.Chmod(l.path, 0o600) // no diagnostic: the handle is in a field and flush may close it
}

func (l *logger) flush() { l.file.Close() }

// ---- openers of this package (facts are exported only for exported functions)

func openLog(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
}

func chmodThroughLocalOpener(p string) error {
	f, err := openLog(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func openMaybe(p string) (*os.File, error) {
	if p == "-" {
		return os.Stdin, nil
	}
	return os.Open(p)
}

func statThroughNonOpener(p string) (os.FileInfo, error) {
	f, err := openMaybe(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return os.Stat(p) // no diagnostic: openMaybe may return stdin, not a file opened from p
}

// ---- generics, closures, range-over-func

func chmodGeneric[T any](p string, v T) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

func chmodInClosure(p string) func() error {
	return func() error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
	}
}

func chmodInLaterClosure(p string) (func() error, error) {
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return func() error {
		return os.Chmod(p, 0o600) // no diagnostic: the open is in another function
	}, f.Close()
}

func chmodEach(paths iter.Seq[string]) error {
	for p := range paths {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		err = os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func chmodEachAfterOuterOpen(p string, times iter.Seq[int]) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	for range times {
		os.Chmod(p, 0o600) // no diagnostic: range-over-func bodies are functions of their own
	}
	return nil
}

// ---- several opens of one path

func statReopened(p string) (os.FileInfo, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	f.Close()
	g, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	return os.Stat(p) // want `os.Stat examines p by name while g, opened from it, is still open`
}

func statReopenedAndClosed(p string) (os.FileInfo, error) {
	for range 2 {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		f.Close()
	}
	return os.Stat(p) // no diagnostic: every open was closed (and none dominates)
}

func chmodNumericOPath(p string) error {
	f, err := os.OpenFile(p, 0x200000, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: 0x200000 is O_PATH on Linux, O_SYMLINK on Darwin
}

func chmodVariableFlags(p string, flag int) error {
	f, err := os.OpenFile(p, flag, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

// ---- helpers of this package

func writeHeader(w io.Writer) error {
	_, err := io.WriteString(w, "header\n")
	return err
}

func chmodAfterHelperWrites(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := writeHeader(f); err != nil {
		return err
	}
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

func closeIfCloser(w io.Writer) {
	if c, ok := w.(io.Closer); ok {
		c.Close()
	}
}

func chmodAfterHelperCloses(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	closeIfCloser(f)
	return os.Chmod(p, 0o600) // no diagnostic: the helper closes what it is given
}

func fail(format string, args ...any) {
	log.Printf(format, args...)
	os.Exit(1)
}

func truncateAfterFailHelper(p string, size int64) *os.File {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		fail("open: %v", err)
	}
	if err := os.Truncate(p, size); err != nil { // want `os.Truncate truncates p by name while f`
		fail("truncate: %v", err)
	}
	return f
}

func failSometimes(ok bool) {
	if !ok {
		os.Exit(1)
	}
}

func truncateAfterConditionalFail(p string, size int64) *os.File {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
	failSometimes(err == nil)
	os.Truncate(p, size) // no diagnostic: failSometimes returns, the error is not decided here
	return f
}

// ---- names held in variables

func chmodKeyFile(raw []byte) error {
	var keyFile string
	fh, err := os.CreateTemp("", "key")
	if err != nil {
		return err
	}
	keyFile = fh.Name()
	defer func() { _ = os.Remove(keyFile) }()
	if err := os.Chmod(keyFile, 0o600); err != nil { // want `os.Chmod changes the mode of keyFile by name while fh, opened from it, is still open`
		return err
	}
	_, err = fh.Write(raw)
	fh.Close()
	return err
}

func chmodKeyFileRenamed(raw []byte, rename func(string) string) error {
	var keyFile string
	fh, err := os.CreateTemp("", "key")
	if err != nil {
		return err
	}
	keyFile = fh.Name()
	defer fh.Close()
	defer func() { _ = os.Remove(keyFile) }()
	keyFile = rename(keyFile)
	return os.Chmod(keyFile, 0o600) // no diagnostic: keyFile was stored twice, it may name another file
}

// ---- names moved on purpose, names asked about

func statAfterRemove(p string) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if err := os.Remove(p); err != nil {
		return false, err
	}
	fi, err := os.Stat(p) // no diagnostic: the code removed the name on purpose
	return fi == nil, err
}

func chmodAfterRenameAway(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Rename(p+".new", p); err != nil {
		return err
	}
	return os.Chmod(p, 0o644) // no diagnostic: another file was renamed onto the name on purpose
}

func nameStillThere(p string, poll func() bool) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	for poll() {
		if _, err := os.Stat(p); os.IsNotExist(err) { // no diagnostic: it asks whether the name still exists, which the handle cannot answer
			return false, nil
		}
	}
	return true, nil
}

// ---- chmod or chown by f.Name() after f.Close()

func chownTempNameAfterClose(dir string, uid, gid int) (string, error) {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	f.Close()
	if err := os.Chown(name, uid, gid); err != nil { // want `os.Chown changes the owner of name by name after f was closed`
		return "", err
	}
	return name, nil
}

func chmodTempNameBeforeClose(dir, dst string) error {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil { // no diagnostic: the mode is set on the handle, before closing
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // no diagnostic: a rename by name is how the file is published
}

func chmodPathAfterClose(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: the path the caller chose, not the handle's name
}
