// Package globstore keeps reservation records that it sweeps by matching
// their names with filepath.Glob: no lock, as with a sweep by ReadDir.
package globstore

import (
	"os"
	"path/filepath"
)

type Store struct{ dir string }

// Reserve creates the record exclusively and keeps it when the write of
// the last-reserved marker fails: no diagnostic, a record that Sweep
// finds by listing.
func (s *Store) Reserve(addr, owner string) (bool, error) {
	name := filepath.Join(s.dir, "lease-"+addr)
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
	if err := os.WriteFile(filepath.Join(s.dir, "last"), []byte(addr), 0o600); err != nil {
		return false, err // no diagnostic: the record stays, as on success
	}
	return true, nil
}

// Sweep removes the records whose owner is gone, found by Glob.
func (s *Store) Sweep(live map[string]bool) error {
	matches, err := filepath.Glob(filepath.Join(s.dir, "lease-*"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		owner, err := os.ReadFile(m)
		if err != nil || live[string(owner)] {
			continue
		}
		os.Remove(m)
	}
	return nil
}
