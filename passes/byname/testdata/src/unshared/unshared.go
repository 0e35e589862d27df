// Package unshared has changes of mode by name of files held open outside
// a shared directory: real in shape, reported in the opt-in category
// chmod-unshared (with -byname.all), since the change lands on a file
// swapped in only when someone else can replace entries of the directory,
// and the code shows that of the shared temporary directories alone. A
// chmod in a shared directory, and a chown or a truncate anywhere, stay on
// by default.
package unshared

import (
	"io"
	"os"
	"path/filepath"
)

// CopyFile copies src to dst and gives dst src's mode by name (the shape
// of go-getter's copyFile and gitea's CopyFile): dst is wherever the
// caller says.
func CopyFile(dst, src string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		return err
	}
	return os.Chmod(dst, mode) // no diagnostic: chmod-unshared, the directory is the caller's
}

// Receive writes a received file under the directory the user chose and
// sets the sender's mode by name (croc's receiver).
func Receive(outDir, name string, r io.Reader, mode os.FileMode) error {
	p := filepath.Join(outDir, name)
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(f, r); err != nil {
		return err
	}
	return os.Chmod(p, mode) // no diagnostic: chmod-unshared, a configured directory
}

// ModeAfterClose sets the mode by f.Name() after closing the file: the
// reported shape of a handle given up too early, here outside a shared
// directory.
func ModeAfterClose(p string, data []byte) error {
	f, err := os.Create(p)
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
	return os.Chmod(f.Name(), 0o644) // no diagnostic: chmod-unshared, after the close
}

// SharedSocket makes a file in the shared temporary directory and opens
// its mode by name: any local user can swap the name there.
func SharedSocket() error {
	p := filepath.Join(os.TempDir(), "app.sock")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o666) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

// sharedFromCaller is given a shared path by its only caller.
func sharedFromCaller(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o644) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func WriteShared() error {
	return sharedFromCaller("/tmp/app.state")
}

// GiveAway changes the owner by name: a privileged process following a
// swapped-in link gives another file away, wherever the directory is.
func GiveAway(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f, opened from it, is still open`
}

// Shrink truncates by name: data of the swapped-in file is lost, wherever
// the directory is.
func Shrink(p string, n int64) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, n) // want `os.Truncate truncates p by name while f, opened from it, is still open`
}
