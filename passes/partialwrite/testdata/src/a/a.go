// Package a has bad and good cases of every category side by side.
package a

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"io/ioutil"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
)

type config struct {
	Count int
	Names []string
}

// ---- read-modify-write

func bumpJSON(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var c config
	if err := json.Unmarshal(data, &c); err != nil {
		return err
	}
	c.Count++
	out, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it; a crash mid-write leaves it truncated and an update another process makes in between is lost \(write a temporary file in the same directory, Sync and Close it, then os.Rename it over p\)`
}

func counter(p string) (int, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 0, err
	}
	n++
	return n, os.WriteFile(p, []byte(strconv.Itoa(n)), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func openReadCreate(p string) error {
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(in)
	in.Close()
	if err != nil {
		return err
	}
	out, err := os.Create(p) // want `os.Create rewrites p in place after os.Open read it`
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = out.Write(bytes.ToUpper(data))
	return err
}

func replaceInPlace(p, old, new string) error {
	data, err := ioutil.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0) // want `os.OpenFile rewrites p in place after ioutil.ReadFile read it`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(strings.ReplaceAll(string(data), old, new))
	return err
}

func filterLines(p, drop string) error {
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	var keep []string
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if line := sc.Text(); line != drop {
			keep = append(keep, line)
		}
	}
	in.Close()
	out, err := os.Create(p) // want `os.Create rewrites p in place after os.Open read it`
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for _, line := range keep {
		fmt.Fprintln(w, line)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return out.Close()
}

func decodeEncode(p string) error {
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	var c config
	err = json.NewDecoder(in).Decode(&c)
	in.Close()
	if err != nil {
		return err
	}
	c.Names = append(c.Names, "new")
	out, err := os.Create(p) // want `os.Create rewrites p in place after os.Open read it`
	if err != nil {
		return err
	}
	defer out.Close()
	return json.NewEncoder(out).Encode(c)
}

func ioutilBoth(p string) error {
	data, err := ioutil.ReadFile(p)
	if err != nil {
		return err
	}
	return ioutil.WriteFile(p, bytes.TrimSpace(data), 0o644) // want `ioutil.WriteFile rewrites p in place after ioutil.ReadFile read it`
}

func joinedTwice(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, "state"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "state"), append(data, '.'), 0o600) // want `os.WriteFile rewrites filepath.Join\(dir, "state"\) in place after os.ReadFile read it`
}

// A missing file starts empty; an existing one is extended.
func defaultWhenMissing(p string) error {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		data = nil
	} else if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, "entry\n"...), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

type store struct {
	path  string
	names map[string]bool
}

func (s *store) reload() error {
	data, err := os.ReadFile(s.path)
	if err != nil {
		return err
	}
	for _, n := range strings.Fields(string(data)) {
		s.names[n] = true
	}
	s.names["self"] = true
	var b strings.Builder
	for n := range s.names {
		b.WriteString(n + "\n")
	}
	return os.WriteFile(s.path, []byte(b.String()), 0o600) // want `os.WriteFile rewrites s.path in place after os.ReadFile read it`
}

func update[T any](p string, change func(*T)) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	change(&v)
	out, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

var rewriteAll = func(paths []string) error {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), 0o644); err != nil { // want `os.WriteFile rewrites p in place after os.ReadFile read it`
			return err
		}
	}
	return nil
}

func eachPath(paths []string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for _, p := range paths {
			if !yield(p) {
				return
			}
		}
	}
}

func rangeOverFunc(paths []string) error {
	for p := range eachPath(paths) {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, bytes.ToLower(data), 0o644); err != nil { // want `os.WriteFile rewrites p in place after os.ReadFile read it`
			return err
		}
	}
	return nil
}

// The safe sequence: a temporary file in the same directory, synced,
// closed and renamed over p.
func bumpSafely(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".bump-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(append(data, '+')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), p) // no diagnostic: the safe sequence
}

func appendLine(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0) // no diagnostic: O_APPEND adds without truncating
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "%d\n", len(data))
	return err
}

func writeIfChanged(p string, content []byte) error {
	old, err := os.ReadFile(p)
	if err == nil && bytes.Equal(old, content) {
		return nil
	}
	return os.WriteFile(p, content, 0o644) // no diagnostic: the new content does not come from the old
}

// diff returns a description of the differences of old and new.
func diff(old, new []byte) []byte {
	if bytes.Equal(old, new) {
		return nil
	}
	return append(append([]byte("-"), old...), new...)
}

func updateIfDiffers(p string, generated []byte, update bool) error {
	old, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	d := diff(old, generated)
	if d == nil {
		return nil
	}
	if !update {
		return fmt.Errorf("%s is out of date:\n%s", p, d)
	}
	return os.WriteFile(p, generated, 0o644) // no diagnostic: generated is only compared with the old content
}

func readFullInPlace(p string) error {
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	header := make([]byte, 8)
	_, err = io.ReadFull(in, header)
	in.Close()
	if err != nil {
		return err
	}
	out := make([]byte, 16)
	copy(out, header)
	return os.WriteFile(p, out, 0o644) // want `os.WriteFile rewrites p in place after os.Open read it`
}

func writeIfConfigChanged(p string, c *config) error {
	var old config
	if data, err := os.ReadFile(p); err == nil {
		json.Unmarshal(data, &old)
	}
	if reflect.DeepEqual(&old, c) {
		return nil
	}
	out, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o644) // no diagnostic: the new content is only compared with the old
}

func defaultOnFailure(p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		def := []byte("{}")
		return def, os.WriteFile(p, def, 0o644) // no diagnostic: written only when the read failed
	}
	return data, nil
}

func createWhenMissing(p string) error {
	data, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return os.WriteFile(p, data, 0o644) // no diagnostic: written only when the read failed
	}
	return err
}

func backup(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p+".bak", data, 0o600) // no diagnostic: another path
}

func ownLockFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '1'), 0o600) // no diagnostic: the function created p itself with O_EXCL
}

func writeThenVerify(p string, content []byte) error {
	buf := make([]byte, len(content))
	copy(buf, content)
	if err := os.WriteFile(p, buf, 0o644); err != nil { // no diagnostic: the write comes before the read
		return err
	}
	back, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	copy(buf, back)
	if !bytes.Equal(buf, content) {
		return errors.New("short write")
	}
	return nil
}

func statOnly(p string, content []byte) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	f.Close()
	if err != nil {
		return err
	}
	return os.WriteFile(p, content, fi.Mode().Perm()) // no diagnostic: the handle was never read, only its mode kept
}

func scratchFile(data []byte) error {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "scratch")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return err
	}
	back, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(back, data...), 0o600) // no diagnostic: a file in a directory the program made for itself
}

func sharedTempFile(data []byte) error {
	p := filepath.Join(os.TempDir(), "counter")
	old, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(old, data...), 0o600) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func readOnly(p string) (int, error) {
	data, err := os.ReadFile(p)
	return len(data), err // no diagnostic: nothing is written
}

func readHere(p string) ([]byte, error) { return os.ReadFile(p) }

func writeThere(p string, data []byte) error {
	return os.WriteFile(p, data, 0o644) // no diagnostic: the read is in another function
}

func inGoroutine(p string) {
	data, _ := os.ReadFile(p)
	go func() {
		os.WriteFile(p, append(data, '!'), 0o644) // no diagnostic: another goroutine; the pass stays within one function
	}()
}

func lengthOnly(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, make([]byte, len(data)), 0o644) // no diagnostic: a length is not content
}

// ---- rename-without-sync

func renameUnsynced(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it; after a crash dst can be empty or hold part of the data \(call Sync on the file before Close and Rename\)`
}

func createdAtPath(dst string, data []byte) error {
	tmp := dst + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	f.Close()
	if err != nil {
		return err
	}
	return os.Rename(tmp, dst) // want `os.Rename moves tmp onto dst with no Sync since os.Create made it`
}

func writeFileThenRename(dst string, data []byte) error {
	tmp := dst + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst) // want `os.Rename moves tmp onto dst with no Sync since os.WriteFile wrote it; after a crash dst can be empty or hold part of the data \(write it through os.OpenFile and call Sync before Close and Rename\)`
}

func syncOnOneBranch(dst string, data []byte, durable bool) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	if durable {
		f.Sync()
	}
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func closedByDefer(dst string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func noErrorResult(dst string, data []byte) {
	f, _ := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	f.Write(data)
	f.Close()
	os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func scratchRename(data []byte) error {
	dir, err := os.MkdirTemp("", "build-")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, "out.tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "out")) // no diagnostic: scratch space the program made for itself
}

func synced(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // no diagnostic: synced before Close and Rename
}

func fsyncedByDescriptor(dst string, data []byte) error {
	f, err := os.OpenFile(dst+".tmp", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	f.Write(data)
	if err := syscall.Fsync(int(f.Fd())); err != nil {
		return err
	}
	f.Close()
	return os.Rename(dst+".tmp", dst) // no diagnostic: fsync of the descriptor
}

func openedSync(dst string, data []byte) error {
	f, err := os.OpenFile(dst+".tmp", os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_SYNC, 0o644)
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(dst+".tmp", dst) // no diagnostic: O_SYNC writes are synchronous
}

// syncer is what zap and friends call a WriteSyncer.
type syncer interface {
	io.Writer
	Sync() error
}

func syncedThroughInterface(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	var w syncer = f
	w.Write(data)
	if err := w.Sync(); err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: synced through the interface
}

func finish(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func handedToHelper(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	if err := finish(f); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // no diagnostic: finish may sync the file
}

type job struct{ out *os.File }

func storedInField(j *job, dst string) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	j.out = f
	j.run()
	return os.Rename(f.Name(), dst) // no diagnostic: the file is stored where the pass does not follow it
}

func (j *job) run() { j.out.Sync() }

func syncedInClosure(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	done := func() error {
		f.Sync()
		return f.Close()
	}
	f.Write(data)
	if err := done(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // no diagnostic: a closure syncs the file
}

func assertedBack(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	var w io.Writer = f
	w.Write(data)
	if s, ok := w.(interface{ Sync() error }); ok {
		s.Sync()
	}
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: synced through a type assertion
}

func renameExisting(src, dst string) error {
	return os.Rename(src, dst) // no diagnostic: a file this function did not make
}

func rotate(p string) (*os.File, error) {
	if err := os.Rename(p, p+".1"); err != nil && !os.IsNotExist(err) { // no diagnostic: the rename comes before the create
		return nil, err
	}
	return os.Create(p)
}

func rotateLoop(p string, lines []string) error {
	for _, line := range lines {
		if err := os.Rename(p, p+".old"); err != nil { // no diagnostic: the create runs after the rename in each round
			return err
		}
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		f.WriteString(line)
		f.Close()
	}
	return nil
}

func pathHandedOn(dst string, data []byte) error {
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := syncPath(tmp); err != nil {
		return err
	}
	return os.Rename(tmp, dst) // no diagnostic: syncPath may sync the file
}

func reopenedByName(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	if err := syncPath(f.Name()); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // no diagnostic: syncPath may sync the file by name
}

func removedOnFailure(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// ---- rename-across-dirs

func defaultTempDir(dst string, data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst after os.CreateTemp made it in the shared temporary directory; the rename fails with EXDEV when that directory is on another file system \(create the temporary file in filepath.Dir\(dst\) with os.CreateTemp, Sync and Close it, then rename it\)`
}

func explicitTempDir(dst string, data []byte) error {
	f, err := ioutil.TempFile(os.TempDir(), "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst after ioutil.TempFile made it in the shared temporary directory`
}

func tempPathByName(dst string, data []byte) error {
	tmp := filepath.Join(os.TempDir(), "out.partial")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(tmp, dst) // want `os.Rename moves tmp onto dst after os.OpenFile made it in the shared temporary directory`
}

func bothProblems(dst string, data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst after os.CreateTemp made it in the shared temporary directory` `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func sameDir(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: made next to dst
}

func unknownDir(dir, dst string, data []byte) error {
	f, err := os.CreateTemp(dir, "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: dir may well be next to dst
}

func stayInTemp(data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), filepath.Join(os.TempDir(), "out.final")) // no diagnostic: the destination is in the temporary directory too
}

func intoMkdirTemp(data []byte) (string, error) {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return "", err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	dst := filepath.Join(dir, "out")
	return dst, os.Rename(f.Name(), dst) // no diagnostic: a directory made in the temporary directory
}

func sibling(data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), filepath.Join(filepath.Dir(f.Name()), "final")) // no diagnostic: next to the temporary file
}

func handlesEXDEV(dst string, data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	err = os.Rename(f.Name(), dst) // no diagnostic: EXDEV is handled
	if errors.Is(err, syscall.EXDEV) {
		return copyFile(f.Name(), dst)
	}
	return err
}

func handlesLinkError(dst string, data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil { // no diagnostic: the *os.LinkError is examined
		var le *os.LinkError
		if errors.As(err, &le) {
			return copyFile(f.Name(), dst)
		}
		return err
	}
	return nil
}

func fallsBackToCopy(dst string, data []byte) error {
	f, err := os.CreateTemp("", "out-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	if err := os.Rename(f.Name(), dst); err != nil { // no diagnostic: a copy when the rename fails
		return copyFile(f.Name(), dst)
	}
	return nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644) // no diagnostic: different paths
}
