// Package fsabsfix holds the fixes of races through file-system
// abstractions: offered for os.Root, withheld for afero and go-billy.
package fsabsfix

import (
	"os"

	"github.com/go-git/go-billy/v5"
	"github.com/spf13/afero"
)

func rootCreate(root *os.Root, p string, data []byte) error {
	if _, err := root.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := root.Create(p) // want `root.Create creates p after root.Stat found it absent`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func rootOpenFile(root *os.Root, p string, data []byte) error {
	if _, err := root.Lstat(p); err == nil {
		return os.ErrExist
	}
	f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // want `root.OpenFile creates p after root.Lstat found it absent`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func rootWriteFile(root *os.Root, p string, data []byte) error {
	if _, err := root.Stat(p); err == nil {
		return os.ErrExist
	}
	return root.WriteFile(p, data, 0o600) // want `root.WriteFile creates p after root.Stat found it absent`
}

func aferoCreate(fsys afero.Fs, p string, data []byte) error {
	if _, err := fsys.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := fsys.Create(p) // want `fsys.Create creates p after fsys.Stat found it absent`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func billyOpenFile(bfs billy.Filesystem, p string, data []byte) error {
	if _, err := bfs.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := bfs.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o600) // want `bfs.OpenFile creates p after bfs.Stat found it absent`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func rootRemoveAfter(root *os.Root, p string, data []byte) error {
	if _, err := root.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := root.Create(p) // want `root.Create creates p after root.Stat found it absent`
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		root.Remove(p) // (the fix is withheld: with O_EXCL this could remove another process's file)
		return err
	}
	return f.Close()
}

func rootExcl(root *os.Root, p string) error {
	if _, err := root.Stat(p); err == nil {
		return os.ErrExist
	}
	f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: already exclusive
	if err != nil {
		return err
	}
	return f.Close()
}

func rootCreateNoCheck(root *os.Root, p string) error {
	f, err := root.Create(p) // no diagnostic: nothing checked first
	if err != nil {
		return err
	}
	return f.Close()
}
