// Package app uses the openers of example.com/fileutil.
package app

import (
	"os"
	"time"

	"example.com/fileutil"
	"golang.org/x/sys/unix"
)

func chmodLog(p string) error {
	f, err := fileutil.OpenLog(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func truncateRead(p string) error {
	f, err := fileutil.OpenRead(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // no diagnostic: the handle is read-only
}

func statRead(p string) (int64, error) {
	f, err := fileutil.OpenRead(p)
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

func chownCreated(p string, uid, gid int) error {
	f := fileutil.MustCreate(p)
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f`
}

func truncateFlags(p string) error {
	f, err := fileutil.OpenFlags(p, os.O_RDWR)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // want `os.Truncate truncates p by name while f`
}

func truncateFlagsReadOnly(p string) error {
	f, err := fileutil.OpenFlags(p, os.O_RDONLY)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Truncate(p, 0) // no diagnostic: opened read-only through the flags argument
}

func chmodFlagsPath(p string) error {
	f, err := fileutil.OpenFlags(p, unix.O_PATH)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: O_PATH through the flags argument
}

func chmodDir(d *fileutil.Dir, name string) error {
	f, err := d.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(name, 0o600) // want `os.Chmod changes the mode of name by name while f`
}

func chtimesVia(p string, t time.Time) error {
	f, err := fileutil.OpenVia(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chtimes(p, t, t) // want `os.Chtimes changes the times of p by name while f`
}

func chmodStdinOr(p string) error {
	f, err := fileutil.OpenStdinOr(p, false)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: OpenStdinOr is not an opener
}

func chmodClosed(p string) error {
	f, err := fileutil.OpenAndClose(p)
	if err != nil {
		return err
	}
	_ = f
	return os.Chmod(p, 0o600) // no diagnostic: OpenAndClose returns a closed file
}

func chmodNil(p string) error {
	f, err := fileutil.OpenNil(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: OpenNil may return nil
}

func chmodEither(p, q string) error {
	f, err := fileutil.OpenEither(p, q, true)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: OpenEither opens one of two paths
}
