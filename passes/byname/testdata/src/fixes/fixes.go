// Package fixes holds the cases whose suggested fixes are checked against
// fixes.go.golden.
package fixes

import (
	"io"
	"os"
)

func chmod(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

func chown(p string, uid, gid int) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Chown(p, uid, gid); err != nil { // want `os.Chown changes the owner of p by name while f`
		return err
	}
	return nil
}

func stat(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := os.Stat(p) // want `os.Stat examines p by name while f`
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func truncate(p string) error {
	var f, err = os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // want `os.Truncate truncates p by name while f`
}

func truncateUnknownAccess(p string, flag int) error {
	f, err := os.OpenFile(p, flag, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // want `os.Truncate truncates p by name while f`
}

func lstat(p string) (os.FileInfo, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return os.Lstat(p) // want `os.Lstat examines p by name while f`
}

func tempName(dir string) (string, error) {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := os.Chmod(f.Name(), 0o644); err != nil { // want `os.Chmod changes the mode of f.Name\(\) by name while f`
		return "", err
	}
	return f.Name(), nil
}

func tempNameVariable(dir string) error {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return err
	}
	defer f.Close()
	name := f.Name()
	return os.Chmod(name, 0o644) // want `os.Chmod changes the mode of name by name while f`
}

func shadowed(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	{
		f := "shadow"
		_ = f
		return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
	}
}

func reassigned(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	err = os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
	f.Close()
	f = os.Stdout
	_, err2 := f.WriteString("done\n")
	if err == nil {
		err = err2
	}
	return err
}

func asInterface(p string) error {
	var w io.WriteCloser
	var err error
	w, err = os.Create(p)
	if err != nil {
		return err
	}
	defer w.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while w`
}

// closedOnOnePath is caddy's log file writer: when rolling, the file is
// closed before the chmod (another writer reopens it by name), so
// file.Chmod would fail there with os.ErrClosed; the report stands for the
// other path, without a fix.
func closedOnOnePath(p string, roll bool, mode os.FileMode) (io.Writer, error) {
	file, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if roll {
		file.Close()
	}
	if err := os.Chmod(p, mode); err != nil { // want `os.Chmod changes the mode of p by name while file`
		return nil, err
	}
	if roll {
		return io.Discard, nil
	}
	return file, nil
}
