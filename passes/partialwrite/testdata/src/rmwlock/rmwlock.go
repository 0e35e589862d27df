// Package rmwlock has read-modify-writes of a file under a file lock that
// other instances of the program take too, held from before the read to
// after the write: no update can be lost in between, and the report names
// only the crash, which the lock does not prevent. Beside them, the
// nearest shapes that still lose an update.
package rmwlock

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"strconv"
	"sync"
	"syscall"

	"github.com/gofrs/flock"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/sys/unix"
	"google.golang.org/protobuf/proto"
	"gopkg.in/yaml.v3"
)

func bump(b []byte) []byte { return append(b, '+') }

func flockDeferClose(p string) error {
	lf, err := os.OpenFile(p+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// locked: syscall.Flock LOCK_EX held from before the read, released by the deferred Close; only the crash is named
	return os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

func unixFlockDeferUnlock(p string) error {
	lf, err := os.Open(p + ".lock")
	if err != nil {
		return err
	}
	defer lf.Close()
	fd := int(lf.Fd())
	if err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
		return err
	}
	defer unix.Flock(fd, unix.LOCK_UN)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// locked: unix.Flock LOCK_EX, released by a deferred LOCK_UN; only the crash is named
	return os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

func fcntlUnlockAfter(p string, lf *os.File) error {
	lk := unix.Flock_t{Type: unix.F_WRLCK}
	if err := unix.FcntlFlock(lf.Fd(), unix.F_SETLKW, &lk); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// locked: an fcntl write lock, released after the write; only the crash is named
	err = os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
	un := unix.Flock_t{Type: unix.F_UNLCK}
	unix.FcntlFlock(lf.Fd(), unix.F_SETLK, &un)
	return err
}

func gofrsLock(p string) error {
	fl := flock.New(p + ".lock")
	if err := fl.Lock(); err != nil {
		return err
	}
	defer fl.Unlock()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// locked: gofrs/flock's Lock, released by a deferred Unlock; only the crash is named
	return os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

func gofrsTryLock(p string) error {
	fl := flock.New(p + ".lock")
	locked, err := fl.TryLock()
	if err != nil || !locked {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		fl.Unlock()
		return err
	}
	// locked: TryLock succeeded before the read; Unlock runs after the write; only the crash is named
	err = os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
	fl.Unlock()
	return err
}

func exclLockFile(p string) error {
	lock := p + ".lock"
	lf, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	lf.Close()
	defer os.Remove(lock)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	// locked: a lock file taken with O_EXCL, removed by a deferred os.Remove; only the crash is named
	return os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

// The lock is on the data file itself, through the handle it is read from.
func lockTheFile(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	// locked: the file's own flock, held until the deferred Close; only the crash is named
	return os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

// Each round takes the lock, reads, writes and drops it.
func lockEachRound(paths []string) error {
	for _, p := range paths {
		fl := flock.New(p + ".lock")
		if err := fl.Lock(); err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil {
			// locked: the round's lock is dropped only after its write; only the crash is named
			err = os.WriteFile(p, bump(data), 0o644) // want `in place after os\.\w+ read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
		}
		fl.Unlock()
		if err != nil {
			return err
		}
	}
	return nil
}

// ---- the nearest shapes: the update can still be lost

func unlockedBeforeWrite(p string, lf *os.File) error {
	fd := int(lf.Fd())
	if err := syscall.Flock(fd, syscall.LOCK_EX); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	syscall.Flock(fd, syscall.LOCK_UN)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

func closedBeforeWrite(p string) error {
	lf, err := os.Open(p + ".lock")
	if err != nil {
		return err
	}
	if err := unix.Flock(int(lf.Fd()), unix.LOCK_EX); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	lf.Close() // closing the file drops its flock
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

func sharedLock(p string, lf *os.File) error {
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_SH); err != nil {
		return err
	}
	defer syscall.Flock(int(lf.Fd()), syscall.LOCK_UN)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

func lockAfterRead(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	fl := flock.New(p + ".lock")
	if err := fl.Lock(); err != nil {
		return err
	}
	defer fl.Unlock()
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

func gofrsReadLock(p string) error {
	fl := flock.New(p + ".lock")
	if err := fl.RLock(); err != nil {
		return err
	}
	defer fl.Unlock()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

func gofrsUnlockedBetween(p string) error {
	fl := flock.New(p + ".lock")
	if err := fl.Lock(); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	fl.Unlock()
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

var mu sync.Mutex

// A mutex keeps out the goroutines of this process only.
func mutexOnly(p string) error {
	mu.Lock()
	defer mu.Unlock()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// A lock taken and dropped in each round of a loop around the read only.
func lockInLoop(p string, n int) error {
	fl := flock.New(p + ".lock")
	var data []byte
	for i := 0; i < n; i++ {
		fl.Lock()
		d, err := os.ReadFile(p)
		fl.Unlock()
		if err == nil {
			data = d
			break
		}
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// F_GETLK asks who holds a lock; it takes none.
func fcntlQueryOnly(p string, lf *os.File) error {
	lk := unix.Flock_t{Type: unix.F_WRLCK}
	if err := unix.FcntlFlock(lf.Fd(), unix.F_GETLK, &lk); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// A lock file created with O_EXCL and kept is a new file, not a lock.
func exclKept(p string) error {
	marker, err := os.OpenFile(p+".done", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	marker.Close()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// The handle is read before the lock is taken on it.
func readThenLockTheFile(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // want `os.WriteFile rewrites p in place after os.Open read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// ---- under the lock, a file the function cannot decode is taken for an
// empty one: a crash mid-write loses what the code chose to lose

func seedsUnderLock(p string, host string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	m := map[string]string{}
	if data, err := os.ReadFile(p); err == nil {
		_ = json.Unmarshal(data, &m) // a truncated file after a crash: start afresh
	}
	m[host] = "seed"
	out, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, and the decode error is ignored on purpose
}

// The nearest reported shape: the decode error is returned, so a
// truncated file stops the program, and the crash is reported.
func seedsUnderLockStrict(p string, host string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	m := map[string]string{}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	m[host] = "seed"
	out, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o600) // want `in place after os\.ReadFile read it; a crash mid-write leaves it truncated \(the file lock held around it keeps other writers out, not a crash\)`
}

// The same choice in other spellings: each drops the decode error, so a
// truncated file reads as empty.

func counterUnderFlock(p string) error {
	lf, err := os.OpenFile(p+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	n, _ := strconv.Atoi(string(data))                       // a truncated counter starts again at 0
	return os.WriteFile(p, []byte(strconv.Itoa(n+1)), 0o600) // no diagnostic: locked, the parse error dropped (a tuple's blank)
}

func bareUnmarshalUnderLock(p string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	m := map[string]int{}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	json.Unmarshal(data, &m) // the error is not even assigned
	m["runs"]++
	out, _ := json.Marshal(m)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the decode error dropped (a bare call)
}

func xmlUnderTryLock(p string) error {
	l := flock.New(p + ".lock")
	ok, err := l.TryLock()
	if err != nil || !ok {
		return err
	}
	defer l.Unlock()
	var v struct{ N int }
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	_ = xml.Unmarshal(data, &v)
	v.N++
	out, _ := xml.Marshal(v)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the decode error dropped (encoding/xml)
}

func stringUnderUnixFlock(p string) error {
	lf, err := os.OpenFile(p+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := unix.Flock(int(lf.Fd()), unix.LOCK_EX); err != nil {
		return err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	s := string(data)
	m := map[string]int{}
	_ = json.Unmarshal([]byte(s), &m)
	m["runs"]++
	out, _ := json.Marshal(m)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the decode of a conversion of what was read, its error dropped
}

type state struct{ Runs int }

func parseState(b []byte) (state, error) {
	var s state
	err := json.Unmarshal(b, &s)
	return s, err
}

func helperUnderLock(p string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	s, _ := parseState(data) // the program's own parser, its error dropped
	s.Runs++
	out, _ := json.Marshal(s)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the decode error dropped (a helper of the package)
}

// Without the lock, dropping the decode error does not keep another
// process's update: still reported, for both.
func counterUnlocked(p string) error {
	data, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	n, _ := strconv.Atoi(string(data))
	return os.WriteFile(p, []byte(strconv.Itoa(n+1)), 0o600) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost`
}

// The common decoders of configuration and state, their errors dropped
// under the lock.

type settings struct{ Theme, Font string }

func yamlUnderLock(p string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	var s settings
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	_ = yaml.Unmarshal(data, &s)
	s.Theme = "dark"
	out, _ := yaml.Marshal(s)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the YAML decode error dropped
}

func tomlUnderLock(p string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	var s settings
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	_ = toml.Unmarshal(data, &s)
	s.Theme = "dark"
	out, _ := toml.Marshal(s)
	return os.WriteFile(p, out, 0o600) // no diagnostic: locked, the TOML decode error dropped
}

type record struct{}

func (*record) ProtoReflect() {}

func protoUnderLock(p string) error {
	l := flock.New(p + ".lock")
	if err := l.Lock(); err != nil {
		return err
	}
	defer l.Unlock()
	rec := &record{}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	_ = proto.Unmarshal(data, rec)
	out, _ := proto.Marshal(rec)
	return os.WriteFile(p, append(out, data...), 0o600) // no diagnostic: locked, the protobuf decode error dropped
}
