// Package timesonly has a change of times by name while the file is open:
// real in shape, reported in the opt-in category chtimes-by-name (with
// -byname.all), since the race moves only the times of a file swapped in.
// The change of owner beside it stays on by default.
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

func chownAfterCreate(p string, uid, gid int) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chown(p, uid, gid) // want `os.Chown changes the owner of p by name while f, opened from it, is still open`
}
