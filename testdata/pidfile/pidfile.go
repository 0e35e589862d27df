// Package pidfile writes a process ID file, checking first whether one
// exists with a helper from another package: pathrace follows the helper
// through analysis facts.
package pidfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"example.com/demo/fsutil"
)

// WriteRacy refuses to run twice by checking for the pid file first. Two
// processes starting together both see no file, and both write one.
func WriteRacy(p string) error {
	if fsutil.Exists(p) {
		return fmt.Errorf("%s exists: already running", p)
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	return writePID(f)
}

// Write creates the pid file exclusively: only one process can.
func Write(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: already running", p)
	}
	if err != nil {
		return err
	}
	return writePID(f)
}

func writePID(f *os.File) error {
	_, err := fmt.Fprintln(f, os.Getpid())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
