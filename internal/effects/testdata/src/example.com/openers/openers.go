// Package openers holds functions that return a handle opened from a
// parameter (Fact.Opens), and the nearest shapes that do not; byname's
// openers (its testdata example.com/fileutil) were these.
package openers

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// OpenLog opens a log file for appending.
func OpenLog(p string) (*os.File, error) { // want OpenLog:"returns the handle of path param 0 \\(file result 0, error result 1, writable\\)"
	return os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
}

// OpenRead opens a file for reading.
func OpenRead(p string) (*os.File, error) { // want OpenRead:"opens path param 0, returns the handle of path param 0 \\(file result 0, error result 1, read-only\\)"
	f, err := os.Open(filepath.Clean(p))
	if err != nil {
		return nil, err
	}
	return f, nil
}

// MustCreate creates a file or panics.
func MustCreate(p string) *os.File { // want MustCreate:"creates path param 0, returns the handle of path param 0 \\(file result 0, always open, writable\\)"
	f, err := os.Create(p)
	if err != nil {
		panic(err)
	}
	return f
}

// OpenFlags opens with the caller's flags.
func OpenFlags(p string, flag int) (*os.File, error) { // want OpenFlags:"returns the handle of path param 0 \\(file result 0, error result 1, flags param 1\\)"
	return os.OpenFile(p, flag, 0o600)
}

// OpenVia opens through another opener.
func OpenVia(p string) (*os.File, error) { // want OpenVia:"returns the handle of path param 0 \\(file result 0, error result 1, writable\\)"
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
func (d *Dir) Open(name string) (*os.File, error) { // want Open:"opens path param 1, returns the handle of path param 1 \\(file result 0, error result 1, read-only\\)"
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
// Only a use of its parameter: not an opener, the file it returns is closed.
func OpenAndClose(p string) (*os.File, error) { // want OpenAndClose:"opens path param 0"
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
// Only a use of its parameter: not an opener, the caller cannot tell failure.
func OpenNil(p string) (*os.File, error) { // want OpenNil:"opens path param 0"
	f, _ := os.Open(p)
	return f, nil
}

// OpenPath opens a handle that cannot change the file.
// Only a use of its parameter: not an opener, O_PATH.
func OpenPath(p string) (*os.File, error) { // want OpenPath:"opens path param 0"
	return os.OpenFile(p, unix.O_PATH, 0)
}

// OpenEither opens one of two paths.
func OpenEither(a, b string, first bool) (*os.File, error) { // no diagnostic: not an opener of one parameter
	if first {
		return os.Open(a)
	}
	return os.Open(b)
}

// fail reports err and exits: it never returns.
func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// OpenOrExit opens p or exits through a helper that never returns: the
// file it returns is open.
func OpenOrExit(p string) (*os.File, error) { // want OpenOrExit:"opens path param 0, returns the handle of path param 0 \\(file result 0, error result 1, read-only\\)"
	f, err := os.Open(p)
	if err != nil {
		fail(err)
	}
	return f, nil
}

// OpenOrLog opens p and only logs a failure, returning the nil file with
// a nil error.
func OpenOrLog(p string) (*os.File, error) { // want OpenOrLog:"opens path param 0"
	f, err := os.Open(p)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	return f, nil
}

// closeIt closes the file it is given.
func closeIt(f *os.File) { f.Close() }

// logName only reads the file's name.
func logName(f *os.File) { fmt.Println(f.Name()) }

// OpenClosedByHelper returns a file a helper of its package closed.
func OpenClosedByHelper(p string) (*os.File, error) { // want OpenClosedByHelper:"opens path param 0"
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	closeIt(f)
	return f, nil
}

// OpenLogged passes the file to a helper that leaves it open.
func OpenLogged(p string) (*os.File, error) { // want OpenLogged:"opens path param 0, returns the handle of path param 0 \\(file result 0, error result 1, read-only\\)"
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	logName(f)
	return f, nil
}
