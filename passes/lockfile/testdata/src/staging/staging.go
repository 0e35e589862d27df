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

// atomicWrite is an atomic write whose staging file is made with O_EXCL
// and renamed into place on success; a failed write leaves the staging
// file behind, but no lock.
func atomicWrite(tmp, final string, b []byte) error {
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err // no diagnostic: tmp is a staging file renamed into place below, not a lock
	}
	f.Close()
	return os.Rename(tmp, final)
}

// atomicWriteByName renames the staging file through its handle's Name().
func atomicWriteByName(dir string, b []byte) error {
	f, err := os.OpenFile(filepath.Join(dir, "state.tmp"), excl, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err // no diagnostic: a staging file, renamed below through f.Name()
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err // no diagnostic: the same staging file
	}
	f.Close()
	return os.Rename(f.Name(), filepath.Join(dir, "state"))
}

// lockAroundAtomicWrite holds a lock while it writes another file
// atomically: the rename moves the staging file, never the lock, so the
// lock's leak on the error path is reported.
func lockAroundAtomicWrite(lockPath, tmp, final string, b []byte) error {
	l, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	l.Close()
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(lockPath)
		return err
	}
	return os.Remove(lockPath)
}

// breakStaleByRename renames a held lock aside only when the create
// failed (stale-lock recovery): the file is still a lock, and the
// success path's leak is reported.
func breakStaleByRename(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		os.Rename(lockPath, lockPath+".stale")
		return err
	}
	f.Close()
	if _, err := render(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	return os.Remove(lockPath)
}
