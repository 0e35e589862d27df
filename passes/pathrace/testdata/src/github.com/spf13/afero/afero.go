// Package afero stubs the part of github.com/spf13/afero the tests use.
package afero

import (
	"io"
	"os"
	"time"
)

// File is afero's file handle.
type File interface {
	io.Closer
	io.Reader
	io.Writer
	Name() string
	Stat() (os.FileInfo, error)
}

// Fs is afero's file-system interface.
type Fs interface {
	Create(name string) (File, error)
	Mkdir(name string, perm os.FileMode) error
	MkdirAll(path string, perm os.FileMode) error
	Open(name string) (File, error)
	OpenFile(name string, flag int, perm os.FileMode) (File, error)
	Remove(name string) error
	RemoveAll(path string) error
	Rename(oldname, newname string) error
	Stat(name string) (os.FileInfo, error)
	Name() string
	Chmod(name string, mode os.FileMode) error
	Chown(name string, uid, gid int) error
	Chtimes(name string, atime time.Time, mtime time.Time) error
}

// Afero wraps an Fs with helpers.
type Afero struct {
	Fs
}

func (a Afero) Exists(path string) (bool, error)                               { return Exists(a.Fs, path) }
func (a Afero) WriteFile(filename string, data []byte, perm os.FileMode) error { return nil }
func (a Afero) ReadFile(filename string) ([]byte, error)                       { return nil, nil }

func NewOsFs() Fs     { return nil }
func NewMemMapFs() Fs { return nil }

func Exists(fs Fs, path string) (bool, error)                               { return false, nil }
func WriteFile(fs Fs, filename string, data []byte, perm os.FileMode) error { return nil }
func ReadFile(fs Fs, filename string) ([]byte, error)                       { return nil, nil }
