// Package fileutil holds openers that other packages call: byname learns
// what they return through internal/effects' summaries (Fact.Opens, whose
// expectations are in effects' testdata, example.com/openers).
package fileutil

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// OpenLog opens a log file for appending.
func OpenLog(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
}

// OpenRead opens a file for reading.
func OpenRead(p string) (*os.File, error) {
	f, err := os.Open(filepath.Clean(p))
	if err != nil {
		return nil, err
	}
	return f, nil
}

// MustCreate creates a file or panics.
func MustCreate(p string) *os.File {
	f, err := os.Create(p)
	if err != nil {
		panic(err)
	}
	return f
}

// OpenFlags opens with the caller's flags.
func OpenFlags(p string, flag int) (*os.File, error) {
	return os.OpenFile(p, flag, 0o600)
}

// OpenVia opens through another opener.
func OpenVia(p string) (*os.File, error) {
	f, err := OpenLog(p)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Dir opens files by name.
type Dir struct{ Root string }

// Open opens name, a path of its own.
func (d *Dir) Open(name string) (*os.File, error) {
	return os.Open(name)
}

// OpenStdinOr returns standard input when asked to.
func OpenStdinOr(p string, stdin bool) (*os.File, error) { // no diagnostic: not an opener, it may return os.Stdin
	if stdin {
		return os.Stdin, nil
	}
	return os.Open(p)
}

// OpenAndClose returns a file it has closed.
func OpenAndClose(p string) (*os.File, error) { // no diagnostic: not an opener, the file it returns is closed
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f, nil
}

// OpenJoined opens a path it computes.
func OpenJoined(dir, name string) (*os.File, error) { // no diagnostic: not an opener of a parameter
	return os.Open(filepath.Join(dir, name))
}

// OpenNil may return a nil file with a nil error.
func OpenNil(p string) (*os.File, error) { // no diagnostic: not an opener, the caller cannot tell failure
	f, _ := os.Open(p)
	return f, nil
}

// OpenPath opens a handle that cannot change the file.
func OpenPath(p string) (*os.File, error) { // no diagnostic: not an opener, O_PATH
	return os.OpenFile(p, unix.O_PATH, 0)
}

// OpenEither opens one of two paths.
func OpenEither(a, b string, first bool) (*os.File, error) { // no diagnostic: not an opener of one parameter
	if first {
		return os.Open(a)
	}
	return os.Open(b)
}
