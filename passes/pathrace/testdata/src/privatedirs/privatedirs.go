// Package privatedirs has races in directories that only the program's
// own user or root can write, or that the function made itself: real in
// shape, reported in the opt-in category private-dir (with
// -pathrace.all), so the default run says nothing of them. Each line
// marked "(private-dir)" is checked to carry that category; the races in
// shared or unknown directories stay in their own category.
package privatedirs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"syscall"

	"example.com/statedirs"
	"github.com/adrg/xdg"
)

var errHeld = errors.New("held")

// ---- a directory the function made itself: nobody else knows its name

func freshMkdirTemp(data []byte) error {
	dir, err := os.MkdirTemp("", "work")
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "out")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: (private-dir) the directory is os.MkdirTemp's
}

func freshMkdir(base string, data []byte) error {
	dir := filepath.Join(base, "job")
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	p := dir + "/state"
	if _, err := os.Stat(p); err == nil {
		return errHeld
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) made by os.Mkdir with mode 0700, even a lock: no other process knows the name
}

func mkdirWorldReadable(base string, data []byte) error {
	dir := filepath.Join(base, "job")
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	p := dir + "/state"
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) a new 0755 directory: only its owner can write in it
}

func mkdirWorldWritable(base string, data []byte) error {
	dir := filepath.Join(base, "drop")
	if err := os.Mkdir(dir, 0o777); err != nil {
		return err
	}
	p := dir + "/state"
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func mkdirErrorIgnored(base string, data []byte) error {
	dir := filepath.Join(base, "job")
	os.Mkdir(dir, 0o700) // it may have existed, made by anyone
	p := dir + "/state"
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func mkdirAfter(dir string, data []byte) error {
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.WriteFile(p, data, 0o600); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil { // the Mkdir comes after: it made nothing the write used
		return err
	}
	return nil
}

// The Mkdir is the use itself: it made nothing before the race.
func mkdirIsTheUse(d string) error {
	if _, err := os.Stat(d); err == nil {
		return errHeld
	}
	if err := os.Mkdir(d, 0o700); err != nil { // no diagnostic: mkdir-if-absent is opt-in; with -pathrace.all it is reported as such, not as private-dir
		return err
	}
	return nil
}

// ---- a directory the function makes sure of with os.MkdirAll, writable
// by its owner alone: it may have been there, but it is the program's own

func ownMkdirAll(dir string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) os.MkdirAll with mode 0700: only the program's user and root write there
}

func ownMkdirAll0750(dir, name string) error {
	os.MkdirAll(dir, 0o750)
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o640) // no diagnostic: (private-dir) mode 0750 gives the group no write permission
}

func ownMkdirAllGroupWritable(dir string, data []byte) error {
	if err := os.MkdirAll(dir, 0o775); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// A directory whose mode the function sets to 0700, testing the error:
// only its owner or root could change the mode, so the program's user
// owns it, and from then on only that user and root add entries.
func ownChmod(dir string, data []byte) error {
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Lstat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) os.Chmod to 0700 with its error tested: only the program's user and root write there
}

// The mode change may have failed (someone else's directory), or leaves
// the group write permission: the race stays in its category.
func chmodUntested(dir string, data []byte) error {
	os.Chmod(dir, 0o700)
	p := filepath.Join(dir, "state")
	if _, err := os.Lstat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Lstat found it absent`
}

func chmodGroupWritable(dir string, data []byte) error {
	if err := os.Chmod(dir, 0o770); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Lstat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Lstat found it absent`
}

// MkdirAll keeps a directory that exists: under os.TempDir() another user
// may have made it first, so the race stays in its category.
func ownMkdirAllInTemp(data []byte) error {
	dir := filepath.Join(os.TempDir(), "app")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// A lock in the program's own directory: its racer is a second instance,
// which knows the directory's name.
func ownMkdirAllLock(dir string) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "app.lock")
	if _, err := os.Stat(p); err == nil {
		return nil, errHeld
	}
	unlock = func() error { return os.Remove(p) }
	return unlock, os.WriteFile(p, []byte("pid"), 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// The same refusal for a file the program keeps (a key it will not
// overwrite) is no lock: in its own directory only the user's own
// instances could race.
func ownMkdirAllKey(dir string, key []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	p := filepath.Join(dir, "id.key")
	if _, err := os.Stat(p); err == nil {
		return errors.New("key exists")
	}
	return os.WriteFile(p, key, 0o600) // no diagnostic: (private-dir) a kept file, no lock
}

// ---- the user's own directories

func userConfig(data []byte) error {
	dir, err := os.UserConfigDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "app", "config.json")
	if _, err := os.Stat(p); err == nil {
		return nil // keep the user's settings
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) only the user and root write under os.UserConfigDir
}

func userCacheSymlink() ([]byte, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "app", "index")
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("refusing to follow a symbolic link")
	}
	return os.ReadFile(p) // no diagnostic: (private-dir) whoever can plant a link there can write the file itself
}

func homeDirChmod() error {
	u, err := user.Current()
	if err != nil {
		return err
	}
	p := u.HomeDir + "/.app/key"
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o600) // no diagnostic: (private-dir) the user's home directory
}

func envHome(data []byte) error {
	p := filepath.Join(os.Getenv("XDG_STATE_HOME"), "app", "last")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) $XDG_STATE_HOME is the user's own
}

func configOrCache(cache bool, data []byte) error {
	var dir string
	var err error
	if cache {
		dir, err = os.UserCacheDir()
	} else {
		dir, err = os.UserConfigDir()
	}
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "app.db")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) both edges are the user's own
}

// A lock in the user's directory: its racer is a second instance of the
// program, run by the same user, which the directory does not keep out.
func userLock(work func()) error {
	dir, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "app.lock")
	if _, err := os.Stat(p); err == nil {
		return errHeld
	}
	if err := os.WriteFile(p, []byte("pid"), 0o600); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		return err
	}
	defer os.Remove(p)
	work()
	return nil
}

// access(2) is a set-user-ID program's check; such a program reads $HOME
// from the very user it guards against.
func accessHome() (*os.File, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(home, "report.txt")
	if err := syscall.Access(p, 4); err != nil {
		return nil, err
	}
	return os.Open(p) // want `os.Open opens p after syscall.Access approved it`
}

// Dot-dot elements may climb out of the user's directory.
func climbOut(data []byte) error {
	dir, err := os.UserConfigDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "..", "..", "tmp", "x")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// ---- root's directories

func varLibChmod(name string) error {
	p := filepath.Join("/var/lib/app", name)
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chmod(p, 0o640) // no diagnostic: (private-dir) only root writes /var/lib
}

func etcConcat(name string, data []byte) error {
	p := "/etc/app/" + name
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: (private-dir) only root writes /etc
}

func runSprintf(id string, data []byte) error {
	p := fmt.Sprintf("/run/app/%s.state", id)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: (private-dir) only root writes /run
}

// /run/lock is world-writable, under root's /run.
func runLock() error {
	const p = "/run/lock/app.lock"
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// "/var/lib" + name may be /var/library: not a prefix of root's directory.
func notAnElement(name string, data []byte) error {
	p := "/var/lib" + name
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// ---- shared and unknown directories keep their category

func sharedTemp(data []byte) error {
	p := filepath.Join(os.TempDir(), "app.state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

func sharedTmpSymlink() ([]byte, error) {
	const p = "/tmp/app/index"
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("refusing to follow a symbolic link")
	}
	return os.ReadFile(p) // no diagnostic: (symlink-check-then-read) a read, in a shared directory too: whoever plants the link there could write what it reads
}

func configured(dir string) error {
	p := filepath.Join(dir, "key")
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chown(p, 0, 0) // want `os.Chown changes p by name after os.Stat found it present`
}

// ---- the running program's own directory: whoever can write it can
// replace the program itself

func besideExecutable(data []byte) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	p := filepath.Join(filepath.Dir(exe), "app.conf")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: (private-dir) beside the executable
}

func keepPrevious() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	exe, err = filepath.EvalSymlinks(exe)
	if err != nil {
		return err
	}
	return lockPrevious(exe)
}

// lockPrevious's every caller passes the executable's path.
func lockPrevious(exe string) error {
	old := exe + ".old"
	if _, err := os.Stat(old); err != nil {
		return nil
	}
	return os.Chmod(old, 0o500) // no diagnostic: (private-dir) a sibling of the executable, the parameter read from its one caller
}

// access(2) beside the executable: a set-user-ID program started through
// a hard link its invoker made finds its executable in the invoker's
// directory.
func accessBesideExecutable() (*os.File, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(filepath.Dir(exe), "report.txt")
	if err := syscall.Access(p, 4); err != nil {
		return nil, err
	}
	return os.Open(p) // want `os.Open opens p after syscall.Access approved it`
}

// chmodIfPresent's callers disagree: one passes a path under /tmp.
func chmodIfPresent(p string) error {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return os.Chown(p, 0, 0) // want `os.Chown changes p by name after os.Stat found it present`
}

func chmodBinary() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return chmodIfPresent(exe + ".old")
}

func chmodStaged() error {
	return chmodIfPresent("/tmp/app.staged")
}

// ---- through another package's helpers (effects' Fact.ResultDir and
// Fact.MakesDirs)

func stateThroughHelper(data []byte) error {
	dir, err := statedirs.StateDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) the helper returns a path under os.UserConfigDir
}

func madeThroughHelper(dir string, data []byte) error {
	if err := statedirs.Ensure(dir); err != nil {
		return err
	}
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) the helper makes dir with mode 0700
}

func scratchThroughHelper(data []byte) error {
	p := filepath.Join(statedirs.Scratch(), "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func helperAfterUse(dir string, data []byte) error {
	p := filepath.Join(dir, "state")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	err := os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
	statedirs.Ensure(dir)
	return err
}

// ---- the user's directories through github.com/adrg/xdg, and through
// package-level variables whose stores agree

var configFile string

var stateDir = filepath.Join(xdg.StateHome, "app")

func initLocations() error {
	var err error
	configFile, err = xdg.ConfigFile("app/config.yaml")
	return err
}

func saveConfig(data []byte) error {
	if _, err := os.Stat(configFile); errors.Is(err, fs.ErrNotExist) {
		return os.WriteFile(configFile, data, 0o600) // no diagnostic: (private-dir) xdg.ConfigFile: the user's config directory
	}
	return nil
}

func saveState(data []byte) error {
	p := filepath.Join(stateDir, "state.json")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // no diagnostic: (private-dir) under xdg.StateHome
}

func saveSearched(data []byte) error {
	p, err := xdg.SearchConfigFile("app/config.yaml")
	if err != nil {
		return err
	}
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// The variable is also set from a flag: any directory.
var outDir = filepath.Join(xdg.DataHome, "app")

func setOut(dir string) { outDir = dir }

func saveOut(data []byte) error {
	p := filepath.Join(outDir, "out")
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}
