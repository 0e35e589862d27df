// Package fsabs checks and uses paths through file-system abstractions
// (issue 13, spelling 2): io/fs, os.Root, and interfaces with the os
// shapes (afero, go-billy, a project's own).
package fsabs

import (
	"archive/zip"
	"embed"
	"errors"
	"io/fs"
	"log"
	"os"
	"testing/fstest"

	"example.com/fsabsutil"
	"github.com/go-git/go-billy/v5"
	"github.com/spf13/afero"
)

// io/fs

func readIfPresent(fsys fs.FS, p string) ([]byte, error) {
	if _, err := fs.Stat(fsys, p); err != nil {
		return nil, nil
	}
	return fs.ReadFile(fsys, p) // want `fs.ReadFile opens p after fs.Stat found it present`
}

func openIfPresent(fsys fs.FS, p string) (fs.File, error) {
	if _, err := fs.Stat(fsys, p); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return fsys.Open(p) // want `fsys.Open opens p after fs.Stat found it present`
}

func readOtherFS(a, b fs.FS, p string) ([]byte, error) {
	if _, err := fs.Stat(a, p); err != nil {
		return nil, nil
	}
	return fs.ReadFile(b, p) // no diagnostic: another file system
}

var content embed.FS

func readEmbedded(p string) ([]byte, error) {
	if _, err := fs.Stat(content, p); err != nil {
		return nil, nil
	}
	return fs.ReadFile(content, p) // no diagnostic: an embedded file system never changes
}

func readHandled(fsys fs.FS, p string) ([]byte, error) {
	if _, err := fs.Stat(fsys, p); err != nil {
		return nil, nil
	}
	data, err := fs.ReadFile(fsys, p) // no diagnostic: a file gone in between gives the same answer as the check
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// os.Root

func rootCreate(root *os.Root, p string, data []byte) error {
	if _, err := root.Stat(p); err == nil {
		return nil
	}
	f, err := root.Create(p) // want `root.Create creates p after root.Stat found it absent`
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

func rootRemove(root *os.Root, p string) error {
	if _, err := root.Lstat(p); err != nil {
		return err
	}
	return root.Remove(p) // want `root.Remove removes p after root.Lstat found it present`
}

func rootMkdir(root *os.Root, p string) error {
	if _, err := root.Stat(p); os.IsNotExist(err) {
		return root.Mkdir(p, 0o755) // want `root.Mkdir makes p after root.Stat found it absent`
	}
	return nil
}

func rootExcl(root *os.Root, p string) error {
	if _, err := root.Stat(p); err == nil {
		return nil
	}
	f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: the exclusive create decides
	if err != nil {
		return err
	}
	return f.Close()
}

func osStatRootCreate(root *os.Root, p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	f, err := root.Create(p) // no diagnostic: os.Stat looked in the working directory, the create is inside the root
	if err != nil {
		return err
	}
	return f.Close()
}

func twoRoots(a, b *os.Root, p string) error {
	if _, err := a.Stat(p); err == nil {
		return nil
	}
	_, err := b.Create(p) // no diagnostic: another root
	return err
}

// afero

func aferoWrite(fsys afero.Fs, p string, data []byte) error {
	if ok, _ := afero.Exists(fsys, p); ok {
		return nil
	}
	return afero.WriteFile(fsys, p, data, 0o644) // want `afero.WriteFile creates p after afero.Exists found it absent`
}

func aferoCreate(fsys afero.Fs, p string) error {
	if _, err := fsys.Stat(p); !os.IsNotExist(err) {
		return err
	}
	f, err := fsys.Create(p) // want `fsys.Create creates p after fsys.Stat found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

func aferoHelpers(a afero.Afero, p string, data []byte) error {
	if ok, err := a.Exists(p); ok || err != nil {
		return err
	}
	return a.WriteFile(p, data, 0o600) // want `a.WriteFile creates p after a.Exists found it absent`
}

func aferoChmod(fsys afero.Fs, p string) error {
	if _, err := fsys.Stat(p); err != nil {
		return err
	}
	return fsys.Chmod(p, 0o600) // want `fsys.Chmod changes p by name after fsys.Stat found it present`
}

func aferoExcl(fsys afero.Fs, p string) error {
	if _, err := fsys.Stat(p); err == nil {
		return nil
	}
	f, err := fsys.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: O_EXCL through afero's OpenFile
	if err != nil {
		return err
	}
	return f.Close()
}

func aferoMkdirAll(fsys afero.Fs, p string) error {
	if _, err := fsys.Stat(p); err == nil {
		return nil
	}
	return fsys.MkdirAll(p, 0o755) // no diagnostic: MkdirAll succeeds if the directory appeared
}

func aferoTwo(src, dst afero.Fs, p string) error {
	if _, err := src.Stat(p); err == nil {
		return nil
	}
	_, err := dst.Create(p) // no diagnostic: the check looked in src, the create is in dst
	return err
}

// go-billy

func billyCreate(bfs billy.Filesystem, p string) error {
	if _, err := bfs.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := bfs.Create(p) // want `bfs.Create creates p after bfs.Stat found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

func billyRename(bfs billy.Basic, from, to string) error {
	if _, err := bfs.Stat(to); err == nil {
		return os.ErrExist
	}
	return bfs.Rename(from, to) // want `bfs.Rename renames onto to after bfs.Stat found it absent`
}

func billySymlink(bfs billy.Filesystem, p string) (billy.File, error) {
	fi, err := bfs.Lstat(p)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("symlink")
	}
	return bfs.Open(p) // want `bfs.Open opens p by name after bfs.Lstat examined what kind of file it is`
}

func billyLog(bfs billy.Filesystem, p string) error {
	if _, err := bfs.Stat(p); err == nil {
		log.Print("replacing ", p)
	}
	f, err := bfs.Create(p) // no diagnostic: the create runs whatever the check found
	if err != nil {
		return err
	}
	return f.Close()
}

// A project's own interface.

type Filesystem interface {
	Stat(name string) (fs.FileInfo, error)
	WriteFile(name string, data []byte, perm fs.FileMode) error
	Remove(name string) error
}

type store struct {
	fs   Filesystem
	root string
}

func (s *store) save(p string, data []byte) error {
	if _, err := s.fs.Stat(p); err == nil {
		return nil
	}
	return s.fs.WriteFile(p, data, 0o644) // want `s.fs.WriteFile creates p after s.fs.Stat found it absent`
}

func (s *store) drop(other Filesystem, p string) error {
	if _, err := s.fs.Stat(p); err != nil {
		return nil
	}
	return other.Remove(p) // no diagnostic: the check looked through s.fs, the remove goes through other
}

// A key-value store with file-like method names is no file system.
type kv struct{ m map[string][]byte }

func (k *kv) Stat(key string) (int, error) { return len(k.m[key]), nil }
func (k *kv) Remove(key string) error      { delete(k.m, key); return nil }

func dropKey(k *kv, key string) error {
	if _, err := k.Stat(key); err != nil {
		return err
	}
	return k.Remove(key) // no diagnostic: kv's Stat does not return an fs.FileInfo
}

// Helpers that check through a file system they are given.

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
}

func readIfExists(fsys fs.FS, p string) ([]byte, error) {
	if !exists(fsys, p) {
		return nil, nil
	}
	return fs.ReadFile(fsys, p) // want `fs.ReadFile opens p after fsabs.exists found it present`
}

func readOtherIfExists(a, b fs.FS, p string) ([]byte, error) {
	if !exists(a, p) {
		return nil, nil
	}
	return fs.ReadFile(b, p) // no diagnostic: exists looked in a, the read is in b
}

func isDir(fsys afero.Fs, p string) bool {
	f, err := fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	return err == nil && fi.IsDir()
}

func mkdirUnlessDir(fsys afero.Fs, p string) error {
	if isDir(fsys, p) {
		return nil
	}
	return fsys.Mkdir(p, 0o755) // want `fsys.Mkdir makes p after fsabs.isDir found it absent`
}

func mkdirAllUnlessDir(fsys afero.Fs, p string) error {
	if isDir(fsys, p) {
		return nil
	}
	return fsys.MkdirAll(p, 0o755) // no diagnostic: MkdirAll tolerates a directory made in between
}

func lockThrough(fsys afero.Fs, p string) error {
	if fsabsutil.Exists(fsys, p) {
		return errors.New("locked")
	}
	return afero.WriteFile(fsys, p, nil, 0o600) // want `afero.WriteFile creates p after fsabsutil.Exists found it absent`
}

func lockOther(a, b afero.Fs, p string) error {
	if fsabsutil.Exists(a, p) {
		return errors.New("locked")
	}
	return afero.WriteFile(b, p, nil, 0o600) // no diagnostic: the helper looked in a, the write is in b
}

// More harmless neighbours.

func logOnly(fsys fs.FS, p string) (fs.File, error) {
	if _, err := fs.Stat(fsys, p); err != nil {
		log.Print("not there yet: ", p)
	}
	return fsys.Open(p) // no diagnostic: the open runs whatever the check found
}

func readOtherPath(fsys fs.FS, p, q string) ([]byte, error) {
	if _, err := fs.Stat(fsys, p); err != nil {
		return nil, nil
	}
	return fs.ReadFile(fsys, q) // no diagnostic: another path
}

func readMapFS(m fstest.MapFS, p string) ([]byte, error) {
	if _, err := fs.Stat(m, p); err != nil {
		return nil, nil
	}
	return fs.ReadFile(m, p) // no diagnostic: an in-memory map of test files, which nothing else can change
}

func readZip(zr *zip.Reader, p string) (fs.File, error) {
	if _, err := fs.Stat(zr, p); err != nil {
		return nil, err
	}
	return zr.Open(p) // no diagnostic: a zip archive read into memory never changes
}

func rootMkdirTolerant(root *os.Root, p string) error {
	if _, err := root.Stat(p); err == nil {
		return nil
	}
	if err := root.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) { // no diagnostic: a directory made in between is tolerated
		return err
	}
	return nil
}

func rootRemoveQuiet(root *os.Root, p string) {
	if _, err := root.Lstat(p); err != nil {
		return
	}
	_ = root.Remove(p) // no diagnostic: the error is dropped; a file gone in between is the skip's outcome
}

func aferoOpenHandled(fsys afero.Fs, p string) (afero.File, error) {
	if _, err := fsys.Stat(p); err != nil {
		return nil, nil
	}
	f, err := fsys.Open(p) // no diagnostic: a file gone in between is handled as the check would have
	if os.IsNotExist(err) {
		return nil, nil
	}
	return f, err
}

func (s *store) saveOther(p, q string, data []byte) error {
	if _, err := s.fs.Stat(p); err == nil {
		return nil
	}
	return s.fs.WriteFile(q, data, 0o644) // no diagnostic: another path
}

func mkdirUnlessDirOther(a, b afero.Fs, p string) error {
	if isDir(a, p) {
		return nil
	}
	return b.Mkdir(p, 0o755) // no diagnostic: isDir looked in a, the mkdir is in b
}

func statAfter(fsys afero.Fs, p string) error {
	f, err := fsys.Create(p) // no diagnostic: the check runs after the create
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fsys.Stat(p)
	return err
}

// Wrappers that act through a file system they are given.

func saveIfAbsent(fsys afero.Fs, p string, data []byte) error {
	if _, err := fsys.Stat(p); err == nil {
		return nil
	}
	return fsabsutil.Save(fsys, p, data) // want `fsabsutil.Save creates p after fsys.Stat found it absent`
}

func saveOtherFS(a, b afero.Fs, p string, data []byte) error {
	if _, err := a.Stat(p); err == nil {
		return nil
	}
	return fsabsutil.Save(b, p, data) // no diagnostic: the check looked in a, the wrapper writes in b
}

func writeRoot(root *os.Root, p string, data []byte) error {
	return root.WriteFile(p, data, 0o600)
}

func writeRootIfAbsent(root *os.Root, p string, data []byte) error {
	if _, err := root.Stat(p); err == nil {
		return nil
	}
	return writeRoot(root, p, data) // want `fsabs.writeRoot creates p after root.Stat found it absent`
}

func writeRootOSStat(root *os.Root, p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return writeRoot(root, p, data) // no diagnostic: os.Stat looked in the working directory, the wrapper writes inside the root
}

func writeOS(p string, data []byte) error {
	return os.WriteFile(p, data, 0o600)
}

func writeOSAfterFSCheck(fsys afero.Fs, p string, data []byte) error {
	if _, err := fsys.Stat(p); err == nil {
		return nil
	}
	return writeOS(p, data) // no diagnostic: the check looked in fsys, the wrapper writes in the working directory
}

// go-git's RemoveRef: the remove's error meets the stat's in one variable,
// tested for fs.ErrNotExist after both.
func removeRef(bfs billy.Filesystem, p string) error {
	_, err := bfs.Stat(p)
	if err == nil {
		err = bfs.Remove(p) // no diagnostic: the merged error is tested for fs.ErrNotExist
	}
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

func removeRefUntested(bfs billy.Filesystem, p string) error {
	_, err := bfs.Stat(p)
	if err == nil {
		err = bfs.Remove(p) // want `bfs.Remove removes p after bfs.Stat found it present`
	}
	return err
}
