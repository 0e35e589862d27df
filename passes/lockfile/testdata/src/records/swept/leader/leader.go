// Package leader elects one leader among the nodes sharing Dir.
package leader

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// removeFile is swapped in tests to simulate failures.
var removeFile = os.Remove

type Elector struct {
	Dir, ID string
}

// TryLead makes this node the leader if no one is.
func (e *Elector) TryLead() (bool, error) {
	p := filepath.Join(e.Dir, "leader")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if os.IsExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.WriteString(e.ID); err != nil {
		f.Close()
		os.Remove(p)
		return false, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return false, err // want `return leaves lock file .* behind`
	}
	return true, f.Close()
}

// Resign gives up leadership.
func (e *Elector) Resign() error { return removeFile(filepath.Join(e.Dir, "leader")) }

// ExpireHeartbeats removes stale heartbeat files of departed nodes.
func (e *Elector) ExpireHeartbeats(ttl time.Duration) error {
	return filepath.WalkDir(e.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".hb") {
			return nil
		}
		if info, err := d.Info(); err == nil && time.Since(info.ModTime()) > ttl {
			os.Remove(path)
		}
		return nil
	})
}
