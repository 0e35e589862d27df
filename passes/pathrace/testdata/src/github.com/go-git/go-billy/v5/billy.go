// Package billy stubs the part of github.com/go-git/go-billy/v5 the tests use.
package billy

import (
	"io"
	"os"
)

// File is billy's file handle.
type File interface {
	Name() string
	io.Writer
	io.Reader
	io.Closer
}

// Basic is billy's basic file system.
type Basic interface {
	Create(filename string) (File, error)
	Open(filename string) (File, error)
	OpenFile(filename string, flag int, perm os.FileMode) (File, error)
	Stat(filename string) (os.FileInfo, error)
	Rename(oldpath, newpath string) error
	Remove(filename string) error
	Join(elem ...string) string
}

// Dir is billy's directory interface.
type Dir interface {
	ReadDir(path string) ([]os.FileInfo, error)
	MkdirAll(filename string, perm os.FileMode) error
}

// Symlink is billy's symbolic-link interface.
type Symlink interface {
	Lstat(filename string) (os.FileInfo, error)
	Symlink(target, link string) error
	Readlink(link string) (string, error)
}

// Filesystem is billy's whole file system.
type Filesystem interface {
	Basic
	Dir
	Symlink
	Root() string
}
