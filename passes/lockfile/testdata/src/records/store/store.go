// Package store keeps reservation records: an exclusive create of a
// file that is kept on success is no lock, even when a later step of the
// function fails and leaves it behind, when the package removes its
// records by listing their directory and nothing removes the record by
// its name.
package store

import (
	"net"
	"os"
	"path/filepath"
	"strings"
)

// Store keeps one file per reserved address, named by the address and
// holding its owner, as the CNI host-local IPAM store does.
type Store struct {
	dataDir string
}

func escaped(dir, name string) string { return filepath.Join(dir, name) }

// Reserve creates the address's record exclusively. Its write errors
// remove the half-made record; a failure of the last step leaves a
// complete record behind, which GC or ReleaseByKey (found by listing the
// directory and reading the owner) reclaim. No diagnostic: the package sweeps its
// records by listing, and nothing removes a file by a name that may be
// the record's, so it is no lock.
func (s *Store) Reserve(id, ifname string, ip net.IP, rangeID string) (bool, error) {
	fname := escaped(s.dataDir, ip.String())
	f, err := os.OpenFile(fname, os.O_RDWR|os.O_EXCL|os.O_CREATE, 0o600)
	if os.IsExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(strings.TrimSpace(id) + "\n" + ifname); err != nil {
		f.Close()
		os.Remove(f.Name())
		return false, err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return false, err
	}
	ipfile := escaped(s.dataDir, "last_reserved_ip."+rangeID)
	if err := os.WriteFile(ipfile, []byte(ip.String()), 0o600); err != nil {
		return false, err // no diagnostic: the record stays, as on success
	}
	return true, nil
}

// ReleaseByKey removes the records whose content is match, by listing.
func (s *Store) ReleaseByKey(match string) (bool, error) {
	found := false
	err := filepath.Walk(s.dataDir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		if strings.TrimSpace(string(data)) == match {
			if err := os.Remove(path); err != nil {
				return nil
			}
			found = true
		}
		return nil
	})
	return found, err
}

// GC removes every record whose owner is gone.
func (s *Store) GC(live map[string]bool) error {
	entries, err := os.ReadDir(s.dataDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		path := filepath.Join(s.dataDir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil || live[strings.TrimSpace(string(data))] {
			continue
		}
		_ = os.Remove(path)
	}
	return nil
}
