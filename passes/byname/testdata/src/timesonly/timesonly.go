// Package timesonly has a change of times by name while the file is open:
// real in shape, reported in the opt-in category chtimes-by-name (with
// -byname.all), since the race moves only the times of a file swapped in.
// The change of mode beside it stays on by default.
package timesonly

import (
	"os"
	"time"
)

func stampAfterCreate(p string, t time.Time) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chtimes(p, t, t) // no diagnostic: opt-in chtimes-by-name
}

func chmodAfterCreate(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}
