// Package a has bad and good cases side by side, for each way a name in a
// shared temporary directory becomes predictable.
package a

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"io/ioutil"
	mathrand "math/rand"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// ---- constant-temp-path

func createConstant() (*os.File, error) {
	f, err := os.Create("/tmp/app.log") // want `os.Create creates "/tmp/app.log", a fixed name in a shared temporary directory; another local user can create it first, or plant a symbolic link there, and take over the file \(use os.CreateTemp, or a directory made by os.MkdirTemp\)`
	if err != nil {
		return nil, err
	}
	_, err = f.WriteString("started\n")
	return f, err
}

const sockPath = "/tmp/app.sock"

func namedConstant() error {
	f, err := os.Create(sockPath) // want `os.Create creates sockPath, a fixed name`
	if err != nil {
		return err
	}
	return f.Close()
}

var statePath = filepath.Join(os.TempDir(), "app.state")

func packageVariable(data []byte) error {
	return os.WriteFile(statePath, data, 0o600) // want `os.WriteFile creates statePath, a fixed name in a shared temporary directory`
}

func tempDirVariable(data []byte) error {
	dir := os.TempDir()
	return os.WriteFile(dir+"/app.state", data, 0o600) // want `os.WriteFile creates dir \+ "/app.state", a fixed name`
}

func openFileNoExcl() (*os.File, error) {
	return os.OpenFile("/tmp/app.lock", os.O_RDWR|os.O_CREATE, 0o600) // want `os.OpenFile creates "/tmp/app.lock", a fixed name`
}

func openFileAppend() (*os.File, error) {
	return os.OpenFile(path.Join("/var/tmp", "app", "audit.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600) // want `os.OpenFile creates path.Join\("/var/tmp", "app", "audit.log"\), a fixed name`
}

func devShm(data []byte) error {
	return ioutil.WriteFile("/dev/shm/app.state", data, 0o600) // want `ioutil.WriteFile creates "/dev/shm/app.state", a fixed name`
}

// /run/lock and /var/lock are world-writable on Linux, under root's /run.
func runLockNoExcl() (*os.File, error) {
	return os.OpenFile("/run/lock/app.lock", os.O_RDWR|os.O_CREATE, 0o644) // want `os.OpenFile creates "/run/lock/app.lock", a fixed name`
}

func varLockPid(data []byte) error {
	return os.WriteFile(fmt.Sprintf("/var/lock/app-%d.lock", os.Getpid()), data, 0o644) // want `os.WriteFile creates fmt.Sprintf\("/var/lock/app-%d.lock", os.Getpid\(\)\), a name in a shared temporary directory made from the process id`
}

func runLockExcl() (*os.File, error) {
	return os.OpenFile("/run/lock/app.lock", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644) // no diagnostic: an exclusive create fails if someone made the name first
}

// /run itself, and /run/app below it, only root can write.
func runPidFile(data []byte) error {
	return os.WriteFile("/run/app.pid", data, 0o644) // no diagnostic: only root writes /run
}

// "/run/locker" is not under /run/lock.
func runLocker(data []byte) error {
	return os.WriteFile("/run/locker/state", data, 0o644) // no diagnostic: /run/locker is root's, not the lock directory
}

func syscallCreat() (int, error) {
	return syscall.Open("/tmp/app.db", syscall.O_RDWR|syscall.O_CREAT, 0o600) // want `syscall.Open creates "/tmp/app.db", a fixed name`
}

func tmpdirWithFallback(data []byte) error {
	dir := os.Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return os.WriteFile(filepath.Join(dir, "app.state"), data, 0o600) // want `os.WriteFile creates filepath.Join\(dir, "app.state"\), a fixed name`
}

func symlinkDropped(target string) {
	os.Symlink(target, "/tmp/app.current") // want `os.Symlink links "/tmp/app.current", a fixed name in a shared temporary directory; another local user can create it first, and the program goes on with their file`
}

func symlinkTolerated(target string) error {
	err := os.Symlink(target, "/tmp/app.current") // want `os.Symlink links "/tmp/app.current"`
	if err != nil && !os.IsExist(err) {
		return err
	}
	return nil
}

func inClosure(data []byte) func() error {
	p := filepath.Join(os.TempDir(), "app.state")
	return func() error {
		return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p, a fixed name`
	}
}

func deferred() {
	defer os.Remove("/tmp/app.marker")
	defer os.WriteFile("/tmp/app.marker", nil, 0o600) // want `os.WriteFile creates "/tmp/app.marker"`
}

// ---- pid-temp-name, time-temp-name, counter-temp-name, user-temp-name

func pidFile() error {
	name := fmt.Sprintf("/tmp/app-%d.pid", os.Getpid())
	return os.WriteFile(name, []byte(strconv.Itoa(os.Getpid())), 0o644) // want `os.WriteFile creates name, a name in a shared temporary directory made from the process id, which other users can guess`
}

func pidItoa() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app."+strconv.Itoa(os.Getpid()))) // want `made from the process id`
}

func timeName(data []byte) error {
	name := filepath.Join(os.TempDir(), fmt.Sprintf("dump-%d.json", time.Now().Unix()))
	return os.WriteFile(name, data, 0o600) // want `made from the current time, which other users can guess`
}

func timeFormat(data []byte) error {
	name := "/tmp/report-" + time.Now().UTC().Format("20060102-150405") + ".txt"
	return os.WriteFile(name, data, 0o600) // want `made from the current time`
}

func loopCounter() error {
	for i := 0; i < 4; i++ {
		f, err := os.Create(fmt.Sprintf("/tmp/part.%d", i)) // want `made from a counter, which other users can guess`
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}

var seq int64

func atomicCounter(data []byte) error {
	n := atomic.AddInt64(&seq, 1)
	return os.WriteFile(fmt.Sprintf("/tmp/chunk-%d", n), data, 0o600) // want `made from a counter`
}

var calls int

func globalCounter(data []byte) error {
	calls++
	return os.WriteFile(fmt.Sprint("/tmp/call-", calls), data, 0o600) // want `made from a counter`
}

func uidName(data []byte) error {
	return os.WriteFile(fmt.Sprintf("%s/app-%d.state", os.TempDir(), os.Getuid()), data, 0o600) // want `made from the user's id or name, which other users know`
}

func userName(data []byte) error {
	u, err := user.Current()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(os.TempDir(), "app-"+u.Username+".state"), data, 0o600) // want `made from the user's id or name`
}

// ---- predictable-temp-dir

func mkdirAllConstant() error {
	dir := filepath.Join(os.TempDir(), "app-cache")
	if err := os.MkdirAll(dir, 0o700); err != nil { // want `os.MkdirAll makes dir, a fixed name in a shared temporary directory; another local user can make it first and control what is created inside \(use os.MkdirTemp, or check the directory's owner and mode after making it\)`
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index"), nil, 0o600) // no diagnostic: covered by the report on the directory
}

func mkdirTolerated() error {
	dir := fmt.Sprintf("/tmp/app-%d", os.Getuid())
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) { // want `os.Mkdir makes dir, a name in a shared temporary directory made from the user's id or name`
		return err
	}
	return nil
}

func mkdirErrorDropped() {
	os.Mkdir("/tmp/app-spool", 0o700) // want `os.Mkdir makes "/tmp/app-spool"`
}

// ---- not reported

func createTemp() (*os.File, error) {
	return os.CreateTemp("", "app-*.log") // no diagnostic: the name is random and the create exclusive
}

func mkdirTemp() (string, error) {
	return os.MkdirTemp("", "app-") // no diagnostic: the name is random and the mkdir exclusive
}

func ioutilTempFile() (*os.File, error) {
	return ioutil.TempFile("/tmp", "app-") // no diagnostic: the name is random and the create exclusive
}

func underMkdirTemp(data []byte) error {
	dir, err := os.MkdirTemp("", "app-")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state"), data, 0o600) // no diagnostic: the directory is private
}

func underCacheDir(data []byte) error {
	dir, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "app", "state"), data, 0o600) // no diagnostic: the user's own directory
}

func underConfigDir(data []byte) error {
	dir, err := os.UserConfigDir()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "app.json"), data, 0o600) // no diagnostic: the user's own directory
}

func exclusive() (*os.File, error) {
	return os.OpenFile("/tmp/app.lock", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: O_EXCL fails if someone made the name first
}

func exclusiveThenRewrite(data []byte) error {
	f, err := os.OpenFile("/tmp/app.lock", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: exclusive
	if err != nil {
		return err
	}
	f.Close()
	return os.WriteFile("/tmp/app.lock", data, 0o600) // no diagnostic: the function made this name itself, exclusively
}

func readSystemFile() ([]byte, error) {
	return os.ReadFile("/tmp/.X11-unix/X0") // no diagnostic: reading is not creating
}

func openForReading() (*os.File, error) {
	return os.Open("/tmp/app.sock") // no diagnostic: opening for reading is not creating
}

func openFileReadOnly() (*os.File, error) {
	return os.OpenFile("/tmp/app.in", os.O_RDONLY, 0) // no diagnostic: no O_CREATE
}

func randomName(data []byte) error {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(os.TempDir(), "app-"+hex.EncodeToString(b)), data, 0o600) // no diagnostic: crypto/rand makes the name unpredictable
}

func mathRandName(data []byte) error {
	return os.WriteFile(fmt.Sprintf("/tmp/app-%d", mathrand.Int63()), data, 0o600) // no diagnostic: not predictable in advance without observing the generator
}

func nanoName(data []byte) error {
	return os.WriteFile(fmt.Sprintf("/tmp/app-%d", time.Now().UnixNano()), data, 0o600) // no diagnostic: nanoseconds are not practically guessable
}

func nameFromCreateTemp(data []byte) error {
	f, err := os.CreateTemp("", "app-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.WriteFile(f.Name()+".meta", data, 0o600) // no diagnostic: derived from a random name
}

func parameterName(name string, data []byte) error {
	return os.WriteFile(filepath.Join(os.TempDir(), name), data, 0o600) // no diagnostic: the caller chooses the name (reported at callers when predictable)
}

func notShared(data []byte) error {
	return os.WriteFile("/var/lib/app/state", data, 0o600) // no diagnostic: not a shared directory
}

func tmpLookalike(data []byte) error {
	return os.WriteFile("/tmpfiles/app.state", data, 0o600) // no diagnostic: /tmpfiles is not /tmp
}

func relativeTmp(data []byte) error {
	return os.WriteFile("tmp/app.state", data, 0o600) // no diagnostic: relative to the working directory
}

func bareTMPDIR(data []byte) error {
	return os.WriteFile(filepath.Join(os.Getenv("TMPDIR"), "app.state"), data, 0o600) // no diagnostic: TMPDIR is usually unset (then this is the working directory) or the user's own
}

func tempDirItself() error {
	return os.MkdirAll(os.TempDir(), 0o1777) // no diagnostic: the shared directory itself, not a name in it
}

func escapes(data []byte) error {
	return os.WriteFile("/tmp/../var/lib/app/state", data, 0o600) // no diagnostic: not a name in /tmp
}

func mkdirChecked() error {
	if err := os.Mkdir("/tmp/app-private", 0o700); err != nil { // no diagnostic: fails if someone made the name first
		return err
	}
	return os.WriteFile("/tmp/app-private/state", nil, 0o600) // no diagnostic: inside a directory the function made itself
}

func mkdirCheckedJoin(data []byte) error {
	dir := filepath.Join(os.TempDir(), "app-work")
	if err := os.Mkdir(dir, 0o700); err != nil { // no diagnostic: exclusive
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state"), data, 0o600) // no diagnostic: inside a directory the function made itself
}

func writeInPrivateDir(data []byte) error {
	return os.WriteFile("/tmp/app-private/other", data, 0o600) // no diagnostic: mkdirChecked makes /tmp/app-private exclusively
}

func symlinkChecked(target string) error {
	return os.Symlink(target, "/tmp/app.link") // no diagnostic: fails if the name exists, and the error goes to the caller
}

func mkdirAllThenVerify(dir string) error {
	d := filepath.Join(os.TempDir(), "app-sock")
	if err := os.MkdirAll(d, 0o700); err != nil { // no diagnostic: the owner is checked below
		return err
	}
	fi, err := os.Lstat(d)
	if err != nil {
		return err
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Getuid() || fi.Mode().Perm() != 0o700 {
		return errors.New("insecure directory")
	}
	return nil
}

func mkdirThenSyscallStat() error {
	d := "/tmp/app-run"
	if err := os.Mkdir(d, 0o700); err != nil && !os.IsExist(err) { // no diagnostic: syscall.Stat checks the owner
		return err
	}
	var st syscall.Stat_t
	if err := syscall.Stat(d, &st); err != nil {
		return err
	}
	if int(st.Uid) != os.Getuid() {
		return errors.New("not ours")
	}
	return nil
}

func unknownField(c *config, data []byte) error {
	return os.WriteFile(filepath.Join(c.dir, "state"), data, 0o600) // no diagnostic: the directory is configured elsewhere
}

type config struct{ dir string }

func phiOfUnknown(dir string, data []byte) error {
	d := "/tmp"
	if dir != "" {
		d = dir
	}
	return os.WriteFile(filepath.Join(d, "state"), data, 0o600) // no diagnostic: the directory may be the caller's
}

var reassigned = "/tmp/app.out"

func setOutput(p string) { reassigned = p }

func writeReassigned(data []byte) error {
	return os.WriteFile(reassigned, data, 0o600) // no diagnostic: the variable is set elsewhere too
}

var flagged = "/tmp/app.flag"

func addr() *string { return &flagged }

func writeFlagged(data []byte) error {
	return os.WriteFile(flagged, data, 0o600) // no diagnostic: its address escapes (a flag may set it)
}

const debugWorkDir = false

func debugOnly() string {
	dir := "/tmp/scratch"
	if debugWorkDir {
		os.RemoveAll("/tmp/qqq")
		os.Mkdir("/tmp/qqq", 0o777) // no diagnostic: the constant condition never lets this run
		dir = "/tmp/qqq"
	}
	return dir
}

const verbose = true

func alwaysOn() {
	if verbose {
		os.WriteFile("/tmp/app.verbose", nil, 0o600) // want `os.WriteFile creates "/tmp/app.verbose"`
	}
}

// ---- language features

type pathName interface{ ~string }

func writeGeneric[P pathName](p P, data []byte) error {
	return os.WriteFile(string(p), data, 0o600) // no diagnostic: the caller chooses the path (reported at callers)
}

func callGeneric(data []byte) error {
	return writeGeneric("/tmp/app.generic", data) // want `writeGeneric creates "/tmp/app.generic", a fixed name`
}

func numbers(yield func(int) bool) {
	for i := range 3 {
		if !yield(i) {
			return
		}
	}
}

func rangeOverFunc(data []byte) error {
	p := filepath.Join(os.TempDir(), "app.range")
	for range numbers {
		if err := os.WriteFile(p, data, 0o600); err != nil { // want `os.WriteFile creates p, a fixed name`
			return err
		}
	}
	return nil
}

func rangeOverFuncParam(data []byte) error {
	for i := range numbers {
		if err := os.WriteFile(filepath.Join(os.TempDir(), strconv.Itoa(i)), data, 0o600); err != nil { // no diagnostic: i is the iterator's, which the analysis does not follow
			return err
		}
	}
	return nil
}

type spool struct{ dir string }

func (s *spool) put(name string, data []byte) error {
	return os.WriteFile(filepath.Join(s.dir, name), data, 0o600) // no diagnostic: the directory is a field, set elsewhere
}

func newSpool() *spool {
	return &spool{dir: "/tmp/spool"} // no diagnostic: no file is created here
}

func capturedReassigned(data []byte) func() error {
	p := "/tmp/app.a"
	f := func() error {
		return os.WriteFile(p, data, 0o600) // no diagnostic: p is assigned twice, the analysis does not follow which value reaches here
	}
	p = os.Getenv("APP_STATE")
	return f
}

func mkdirLogged(data []byte) error {
	if err := os.Mkdir("/tmp/app-logged", 0o700); err != nil { // no diagnostic: the mkdir itself fails when the name is taken (the file below is reported)
		fmt.Println("mkdir:", err)
	}
	return os.WriteFile("/tmp/app-logged/state", data, 0o600) // want `os.WriteFile creates "/tmp/app-logged/state", a fixed name`
}

func exclusiveIgnored(data []byte) error {
	os.OpenFile("/tmp/app.excl2", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: exclusive
	return os.WriteFile("/tmp/app.excl2", data, 0o600)                    // want `os.WriteFile creates "/tmp/app.excl2", a fixed name`
}
