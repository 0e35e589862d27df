// Package a has one bad and at least one good case per shape of race.
package a

import (
	"errors"
	"fmt"
	"io/fs"
	"io/ioutil"
	"log"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

var errExists = errors.New("exists")

var time0 = time.Time{}

// ---- create-if-absent

func createIfAbsent(p string) error {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		f, err := os.Create(p) // want `os.Create creates p after os.Stat found it absent; another process can create it, or plant a symlink there, in between \(create it with O_CREATE\|O_EXCL and handle fs.ErrExist\)`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return errExists
}

func openFileIfAbsent(p string) error {
	_, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // want `os.OpenFile creates p after os.Stat found it absent`
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

func ioutilWriteIfAbsent(p string, data []byte) error {
	if _, err := os.Lstat(p); err == nil {
		return errExists
	}
	return ioutil.WriteFile(p, data, 0o600) // want `ioutil.WriteFile creates p after os.Lstat found it absent`
}

func switchCreate(p string) error {
	_, err := os.Stat(p)
	switch {
	case err == nil:
		return errExists
	case os.IsNotExist(err):
		return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
	default:
		return err
	}
}

func globThenCreate(p string) error {
	matches, _ := filepath.Glob(p)
	if len(matches) == 0 {
		_, err := os.Create(p) // want `os.Create creates p after filepath.Glob found it absent`
		return err
	}
	return nil
}

// The exclusive create decides; the stat is only a fast path.
func exclAfterCheck(p string) error {
	if _, err := os.Stat(p); err == nil {
		return errExists
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: O_EXCL decides
	if err != nil {
		return err
	}
	return f.Close()
}

func exclOnly(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: no check
	if err != nil {
		return err
	}
	return f.Close()
}

// The check's result only feeds a log line: the write runs either way.
func checkOnlyLogs(p string) error {
	if _, err := os.Stat(p); err != nil {
		log.Printf("creating %s", p)
	}
	return os.WriteFile(p, nil, 0o600) // no diagnostic: the check decides nothing
}

// A stat in the error path after the use failed is a diagnosis, not a check.
func statAfterFailure(p string) error {
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		if _, serr := os.Stat(p); serr == nil {
			return fmt.Errorf("%s exists but cannot be written: %w", p, err)
		}
		return err
	}
	return nil
}

// Only unexpected errors stop here: the write runs whether or not p exists.
func onlyUnexpectedErrors(p string) error {
	if _, err := os.Stat(p); err != nil && !os.IsNotExist(err) {
		return err
	}
	return os.WriteFile(p, nil, 0o600) // no diagnostic: not decided by existence
}

func differentPath(a, b string) error {
	if _, err := os.Stat(a); err == nil {
		return errExists
	}
	_, err := os.Create(b) // no diagnostic: another path
	return err
}

func reassigned(p string) error {
	if _, err := os.Stat(p); err == nil {
		return errExists
	}
	p = p + ".new"
	_, err := os.Create(p) // no diagnostic: p names another file now
	return err
}

func createWhenPresent(p string) error {
	if _, err := os.Stat(p); err == nil {
		_, err := os.Create(p) // no diagnostic: Create makes the file whether or not it was there
		return err
	}
	return nil
}

// ---- read-if-present

func readIfPresent(p string) ([]byte, error) {
	if _, err := os.Stat(p); err == nil {
		return os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present; it can be removed or replaced in between \(open it directly and handle fs.ErrNotExist\)`
	}
	return nil, nil
}

func openJoined(dir string) (*os.File, error) {
	if _, err := os.Stat(filepath.Join(dir, "config.yaml")); err != nil {
		return nil, err
	}
	return os.Open(filepath.Join(dir, "config.yaml")) // want `os.Open opens filepath.Join\(dir, "config.yaml"\) after os.Stat found it present`
}

type store struct{ path string }

func (s *store) load() ([]byte, error) {
	if _, err := os.Stat(s.path); os.IsNotExist(err) {
		return nil, nil
	}
	return os.ReadFile(s.path) // want `os.ReadFile opens s.path after os.Stat found it present`
}

func readDirectly(p string) ([]byte, error) {
	data, err := os.ReadFile(p) // no diagnostic: no check
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

func joinedOther(dir string) (*os.File, error) {
	if _, err := os.Stat(filepath.Join(dir, "a")); err != nil {
		return nil, err
	}
	return os.Open(filepath.Join(dir, "b")) // no diagnostic: another path
}

// ---- remove-if-present

func removeIfPresent(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.Remove(p) // want `os.Remove removes p after os.Stat found it present; another process can remove or replace it in between, and the remove then fails or deletes the replacement \(remove it directly and ignore fs.ErrNotExist\)`
	}
	return nil
}

func removeAfterEarlyReturn(p string) error {
	_, err := os.Stat(p)
	if os.IsNotExist(err) {
		return nil
	}
	return syscall.Unlink(p) // want `syscall.Unlink removes p after os.Stat found it present`
}

func deferredRemove(p string) {
	if _, err := os.Stat(p); err == nil {
		defer os.Remove(p) // no diagnostic: the error is discarded, so a vanished file is the skip's outcome
	}
}

func removeAllIfPresent(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.RemoveAll(p) // no diagnostic: RemoveAll tolerates absence
	}
	return nil
}

func removeDirectly(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) { // no diagnostic: no check
		return err
	}
	return nil
}

// ---- mkdir-if-absent

func mkdirIfAbsent(d string) error {
	if _, err := os.Stat(d); os.IsNotExist(err) {
		return os.Mkdir(d, 0o755) // want `os.Mkdir makes d after os.Stat found it absent; if another process makes it in between, this fails \(use os.MkdirAll, or handle fs.ErrExist\)`
	}
	return nil
}

func readDirThenMkdir(d string) error {
	if _, err := os.ReadDir(d); err != nil {
		return unix.Mkdir(d, 0o755) // want `unix.Mkdir makes d after os.ReadDir found it absent`
	}
	return nil
}

func mkdirAllIfAbsent(d string) error {
	if _, err := os.Stat(d); os.IsNotExist(err) {
		return os.MkdirAll(d, 0o755) // no diagnostic: MkdirAll succeeds if d exists
	}
	return nil
}

func mkdirTolerant(d string) error {
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) { // no diagnostic: no check
		return err
	}
	return nil
}

// ---- link-if-absent

func symlinkIfAbsent(target, link string) error {
	if _, err := os.Lstat(link); err == nil {
		return nil
	}
	return os.Symlink(target, link) // want `os.Symlink links link after os.Lstat found it absent`
}

func symlinkReplace(target, link string) error {
	if _, err := os.Lstat(link); err == nil {
		if err := os.Remove(link); err != nil { // want `os.Remove removes link after os.Lstat found it present`
			return err
		}
	}
	return os.Symlink(target, link) // no diagnostic: runs whether or not link existed
}

// ---- rename-over-checked and rename-if-present

func renameIntoPlace(tmp, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return errExists
	}
	return os.Rename(tmp, dst) // want `os.Rename renames onto dst after os.Stat found it absent; a file created there in between is silently replaced`
}

func renameIfPresent(src, dst string) error {
	if _, err := os.Stat(src); err == nil {
		return os.Rename(src, dst) // want `os.Rename renames src after os.Stat found it present`
	}
	return nil
}

func renameUnchecked(tmp, dst string) error {
	if _, err := os.Stat(tmp); err != nil {
		return err
	}
	return os.Rename(tmp+".partial", dst) // no diagnostic: neither name was checked
}

// ---- modify-if-present

func chmodIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o600) // want `os.Chmod changes p by name after os.Stat found it present`
}

func chmodHandle(p string) error {
	f, err := os.Open(p) // no diagnostic: no check
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o600)
}

// ---- symlink-check-then-open

func openIfNotSymlink(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("refusing to follow a symbolic link")
	}
	return os.ReadFile(p) // want `os.ReadFile opens p by name after os.Lstat examined what kind of file it is; it can be replaced by a symbolic link in between`
}

func writeIfRegular(p string, data []byte) error {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p by name after os.Lstat examined what kind of file it is`
}

// The lstat, open, fstat, SameFile idiom verifies the opened file itself.
func openVerified(p string) (*os.File, error) {
	before, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if before.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("symbolic link")
	}
	f, err := os.Open(p) // no diagnostic: SameFile below checks the opened file
	if err != nil {
		return nil, err
	}
	after, err := f.Stat()
	if err != nil || !os.SameFile(before, after) {
		f.Close()
		return nil, errors.New("file changed")
	}
	return f, nil
}

func openNoFollow(p string) (*os.File, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("symbolic link")
	}
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW, 0) // no diagnostic: O_NOFOLLOW refuses links itself
}

// os.Root keeps names inside the root, but another process can still
// create the name in between (issue 13, spelling 2: see package fsabs).
func rootCreate(root *os.Root, name string) error {
	if _, err := root.Stat(name); err == nil {
		return errExists
	}
	f, err := root.Create(name) // want `root.Create creates name after root.Stat found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

// ---- access-then-open

func accessThenOpen(p string) (*os.File, error) {
	if err := syscall.Access(p, 4); err != nil {
		return nil, err
	}
	return os.Open(p) // want `os.Open opens p after syscall.Access approved it; it can be replaced in between`
}

func unixAccessThenOpen(p string) (int, error) {
	if err := unix.Faccessat(unix.AT_FDCWD, p, unix.R_OK, 0); err != nil {
		return -1, err
	}
	return unix.Open(p, unix.O_RDONLY, 0) // want `unix.Open opens p after unix.Faccessat approved it`
}

func accessOnlyReported(p string) bool {
	return syscall.Access(p, 4) == nil // no diagnostic: no use
}

// ---- helpers of this package

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func writeUnlessExists(p string, data []byte) error {
	if exists(p) {
		return errExists
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after a.exists found it absent`
}

func existsThenNothing(p string) bool {
	ok := exists(p)
	_ = os.WriteFile(p, nil, 0o600) // no diagnostic: ok decides nothing
	return ok
}

// ---- functions of every shape

func closure(p string) func() error {
	return func() error {
		if _, err := os.Stat(p); err == nil {
			return os.Remove(p) // want `os.Remove removes p after os.Stat found it present`
		}
		return nil
	}
}

func checkHereUseInGoroutine(p string) {
	if _, err := os.Stat(p); err == nil {
		go func() {
			_ = os.Remove(p) // no diagnostic: the use is in another function
		}()
	}
}

func generic[T any](p string, v T) error {
	if _, err := os.Stat(p); err == nil {
		return errExists
	}
	return os.WriteFile(p, fmt.Append(nil, v), 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func seq(yield func(string) bool) {
	_ = yield("a") && yield("b")
}

func rangeOverFunc() error {
	for p := range seq {
		if _, err := os.Stat(p); err == nil {
			continue
		}
		if err := os.Mkdir(p, 0o755); err != nil { // want `os.Mkdir makes p after os.Stat found it absent`
			return err
		}
	}
	return nil
}

func loopOverItems(paths []string) {
	for _, p := range paths {
		if _, err := os.Stat(p + ".bak"); err == nil {
			continue
		}
		_ = os.Remove(p) // no diagnostic: p.bak was checked, p is removed
	}
}

// ---- the code already copes with the race

func mkdirToleratingExist(d string) error {
	if _, err := os.Stat(d); err == nil {
		return nil
	}
	if err := os.Mkdir(d, 0o755); err != nil && !os.IsExist(err) { // no diagnostic: a concurrent mkdir is tolerated
		return err
	}
	return nil
}

// The shape of os.MkdirAll itself: a fast-path stat, then a re-check
// when the mkdir fails.
func mkdirRechecked(d string) error {
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return nil
	}
	if err := os.Mkdir(d, 0o755); err != nil { // no diagnostic: the failure is re-checked below
		if fi, err1 := os.Lstat(d); err1 == nil && fi.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

func removeToleratingNotExist(p string) error {
	if _, err := os.Stat(p); err == nil {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) { // no diagnostic: a concurrent removal is tolerated
			return err
		}
	}
	return nil
}

func readToleratingNotExist(p string) ([]byte, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, nil
	}
	data, err := os.ReadFile(p) // no diagnostic: absence found by the read is handled like absence found by the stat
	if os.IsNotExist(err) {
		return nil, nil
	}
	return data, err
}

// isNotExist is a project's own wrapper of os.IsNotExist, like hugo's
// herrors.IsNotExist.
func isNotExist(err error) bool {
	if os.IsNotExist(err) {
		return true
	}
	return os.IsNotExist(errors.Unwrap(err))
}

func listDirToleratingNotExistByHelper(p string) ([]string, error) {
	fi, err := os.Stat(p)
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	if fi == nil || !fi.IsDir() {
		return nil, nil
	}
	f, err := os.Open(p) // no diagnostic: a concurrent removal is tolerated, tested through the project's own IsNotExist
	if err != nil {
		if isNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// ---- more code that must stay quiet

func statDirCreateInside(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return err
	}
	_, err := os.Create(filepath.Join(dir, "out.txt")) // no diagnostic: the directory was checked, a file inside it is created
	return err
}

func createTempInChecked(dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return err
	}
	f, err := os.CreateTemp(dir, "x-*") // no diagnostic: CreateTemp picks a fresh name exclusively
	if err != nil {
		return err
	}
	return f.Close()
}

type pair struct{ a, b string }

func differentFields(x pair) error {
	if _, err := os.Stat(x.a); err == nil {
		return errExists
	}
	_, err := os.Create(x.b) // no diagnostic: another field
	return err
}

func differentReceivers(x, y *store) error {
	if _, err := os.Stat(x.path); err == nil {
		return errExists
	}
	_, err := os.Create(y.path) // no diagnostic: another variable's field
	return err
}

func checkOnOtherBranch(p string, fresh bool) error {
	if fresh {
		if _, err := os.Stat(p); err == nil {
			return errExists
		}
	} else {
		_, err := os.Create(p) // no diagnostic: the check is on another branch
		return err
	}
	return nil
}

func useThenVerify(p string) (bool, error) {
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil { // no diagnostic: the use comes first
		return false, err
	}
	_, err := os.Stat(p)
	return err == nil, nil
}

func otherJoin(dir, name, other string) error {
	if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
		return errExists
	}
	_, err := os.Create(filepath.Join(dir, other)) // no diagnostic: another name in the directory
	return err
}

func lstatThenReadlink(p string) (string, error) {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return "", err
	}
	return os.Readlink(p) // no diagnostic: Readlink does not follow the link and fails if p stopped being one
}

func ignoredCheck(p string) error {
	_, _ = os.Stat(p)
	return os.Chtimes(p, time0, time0) // no diagnostic: the check's result is dropped
}

func truncateTolerant(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	if err := os.Truncate(p, 0); err != nil && !os.IsNotExist(err) { // no diagnostic: a concurrent removal is tolerated
		return err
	}
	return nil
}

func accessOtherPath(a, b string) (*os.File, error) {
	if err := syscall.Access(a, 4); err != nil {
		return nil, err
	}
	return os.Open(b) // no diagnostic: another path
}

func globOther(pattern, p string) error {
	if m, _ := filepath.Glob(pattern); len(m) > 0 {
		return nil
	}
	_, err := os.Create(p) // no diagnostic: another path
	return err
}

func isHidden(p string) bool { return len(filepath.Base(p)) > 0 && filepath.Base(p)[0] == '.' }

func unrelatedPredicate(p string) error {
	if isHidden(p) {
		return nil
	}
	_, err := os.Create(p) // no diagnostic: isHidden looks at the name, not the file system
	return err
}

func hasLock(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "lock"))
	return err == nil
}

func lockDir(dir string) error {
	if hasLock(dir) {
		return errExists
	}
	_, err := os.Create(filepath.Join(dir, "lock")) // no diagnostic: known gap, hasLock checks a path derived from its parameter and facts describe only the parameter itself
	return err
}

func pidFile(dir string, pid int) error {
	if _, err := os.Stat(fmt.Sprintf("%s/%d.pid", dir, pid)); err == nil {
		return errExists
	}
	return os.WriteFile(fmt.Sprintf("%s/%d.pid", dir, pid), nil, 0o600) // want `os.WriteFile creates fmt.Sprintf\("%s/%d.pid", dir, pid\) after os.Stat found it absent`
}

func pidFileOther(dir string, pid int) error {
	if _, err := os.Stat(fmt.Sprintf("%s/%d.pid", dir, pid)); err == nil {
		return errExists
	}
	return os.WriteFile(fmt.Sprintf("%s/%d.lock", dir, pid), nil, 0o600) // no diagnostic: another name
}

func removeDiscardingError(p string) {
	if _, err := os.Stat(p); err == nil {
		_ = os.Remove(p) // no diagnostic: the error is discarded (rclone bisync's shape)
	}
}

func renameDiscardingError(p string) {
	if _, err := os.Stat(p); err == nil {
		_ = os.Rename(p, p+".old") // no diagnostic: the error is discarded, a vanished file is a no-op
	}
}

func removeIfSymlinkDiscardingError(p string) {
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		_ = os.Remove(p) // want `os.Remove removes p after os.Lstat found it present`
	}
}

func readUnlessDir(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, os.ErrInvalid
	}
	return os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present; it can be removed or replaced in between, and what is opened is not what was examined \(open it once and call Stat on the handle\)`
}

func removeUnlessDirDiscardingError(p string) {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		_ = os.Remove(p) // want `os.Remove removes p after os.Stat found it present`
	}
}
