// Package namesstore keeps reservation records that it sweeps by the
// names (*os.File).Readdirnames lists: no lock, as with a sweep by
// ReadDir.
package namesstore

import (
	"os"
	"path/filepath"
)

type Store struct{ dir string }

// Reserve creates the record exclusively and keeps it when the write of
// the last-reserved marker fails: no diagnostic, a record that Sweep
// finds by listing.
func (s *Store) Reserve(addr, owner string) (bool, error) {
	name := filepath.Join(s.dir, addr)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(owner); err != nil {
		f.Close()
		os.Remove(name)
		return false, err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return false, err
	}
	if err := os.WriteFile(filepath.Join(s.dir, "last.txt"), []byte(addr), 0o600); err != nil {
		return false, err // no diagnostic: the record stays, as on success
	}
	return true, nil
}

// Sweep removes the records whose owner is gone, found by Readdirnames.
func (s *Store) Sweep(live map[string]bool) error {
	d, err := os.Open(s.dir)
	if err != nil {
		return err
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return err
	}
	for _, n := range names {
		p := filepath.Join(s.dir, n)
		owner, err := os.ReadFile(p)
		if err != nil || live[string(owner)] {
			continue
		}
		os.Remove(p)
	}
	return nil
}
