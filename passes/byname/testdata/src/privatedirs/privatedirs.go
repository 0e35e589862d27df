// Package privatedirs has chmods by name of files held open in
// directories that only the program's own user or root can write, or
// that the function made itself: reported in the opt-in category
// private-dir (with -byname.all). Each line marked "(private-dir)" is
// checked to carry that category.
package privatedirs

import (
	"os"
	"path/filepath"
)

func freshDir(data []byte) error {
	dir, err := os.MkdirTemp("", "out")
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "result")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: (private-dir) the directory is os.MkdirTemp's
}

func userConfig() error {
	dir, err := os.UserConfigDir()
	if err != nil {
		return err
	}
	p := filepath.Join(dir, "app", "token")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: (private-dir) only the user and root write there
}

func systemState(name string) error {
	p := filepath.Join("/var/lib/app", name)
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, 0, 0) // no diagnostic: (private-dir) only root writes /var/lib
}

func sharedTemp() error {
	p := filepath.Join(os.TempDir(), "app.sock")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o666) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func configured(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f, opened from it, is still open`
}

func ownDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	p := filepath.Join(dir, "token")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: (private-dir) os.MkdirAll with mode 0700: only the program's user and root write there
}

func ownDirGroupWritable(dir string, uid, gid int) error {
	if err := os.MkdirAll(dir, 0o770); err != nil {
		return err
	}
	p := filepath.Join(dir, "token")
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f, opened from it, is still open`
}
