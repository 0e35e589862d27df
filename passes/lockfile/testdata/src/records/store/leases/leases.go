// Package leases keeps one record per lease beside an index file.
package leases

import (
	"os"
	"path/filepath"
	"strconv"
)

// Leases keeps one ".rec" file per lease; its index is a different file.
type Leases struct{ dir string }

// Take records the lease; a failure of the index update leaves the
// complete record, which Expire sweeps by listing. No diagnostic: the
// only other removal by name ends in "index.tmp", not ".rec".
func (l *Leases) Take(id int) error {
	p := filepath.Join(l.dir, strconv.Itoa(id)+".rec")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(p)
		return err
	}
	if err := os.WriteFile(filepath.Join(l.dir, "index"), []byte(strconv.Itoa(id)), 0o600); err != nil {
		return err // no diagnostic: the record stays, as on success
	}
	return nil
}

// ResetIndex removes the index's temporary file.
func (l *Leases) ResetIndex() { os.Remove(filepath.Join(l.dir, "index.tmp")) }

// Expire removes the leases found by listing the directory.
func (l *Leases) Expire() {
	filepath.WalkDir(l.dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Remove(path)
		}
		return nil
	})
}
