package staging

import (
	"os"
	"path/filepath"
)

const excl = os.O_WRONLY | os.O_CREATE | os.O_EXCL

func render() ([]byte, error) { return nil, nil }

// update writes the new contents to a staging file made fresh with O_EXCL,
// then renames it into place.
func update(dir string) error {
	tmp := filepath.Join(dir, "config.new")
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, excl, 0o600)
	if err != nil {
		return err
	}
	data, err := render()
	if err != nil {
		f.Close()
		return err // no diagnostic: a file removed and then created with O_EXCL is a staging file, not a lock
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err // no diagnostic: the same staging file
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "config"))
}

// lockAfterCleanup removes the file only when asked (a --force that
// clears a stale lock): the removal does not run on every path to the
// create, so the file is still a lock, and its leak is reported.
func lockAfterCleanup(lockPath string, force bool) error {
	if force {
		os.Remove(lockPath)
	}
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if _, err := render(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	return os.Remove(lockPath)
}
