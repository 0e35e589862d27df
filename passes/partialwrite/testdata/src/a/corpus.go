package a

import (
	"net"
	"os"
	"path/filepath"
)

// Shapes from the corpus run (rclone, containerd) that the pass once
// reported wrongly, beside the reports they must not hide.

// keyServer loads host keys, making each one that does not load (rclone's
// serve sftp): the write runs only when the first load failed, and the
// reload after it names the path of this iteration, not the next one's.
type keyServer struct {
	keyPaths []string
	keys     [][]byte
}

func newKey(p string) []byte { return []byte("key for " + p) }

func (s *keyServer) loadKeys() error {
	for _, p := range s.keyPaths {
		data, err := os.ReadFile(p)
		if err != nil {
			if err := os.WriteFile(p, newKey(p), 0o600); err != nil { // no diagnostic: the reload of the previous iteration read another path, and this one's load failed
				return err
			}
			data, err = os.ReadFile(p)
		}
		if err != nil {
			return err
		}
		s.keys = append(s.keys, data) // fills s, which s.keyPaths is loaded from
	}
	return nil
}

// A path that does not change from one iteration to the next: the read
// of one iteration is followed by the write of the next.
func pollAndRewrite(p string, n int) error {
	var data []byte
	for i := 0; i < n; i++ {
		if data != nil {
			if err := os.WriteFile(p, append(data, '\n'), 0o644); err != nil { // want `os.WriteFile rewrites p in place after os.ReadFile read it`
				return err
			}
		}
		var err error
		data, err = os.ReadFile(p)
		if err != nil {
			return err
		}
	}
	return nil
}

// The temporary file is removed at once and its fresh name taken by a
// unix socket (containerd's test listener): the rename moves the socket,
// which has no data to sync.
func listenAt(addr string) (net.Listener, error) {
	file, err := os.CreateTemp(filepath.Dir(addr), "")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(file.Name()); err != nil {
		return nil, err
	}
	l, err := net.Listen("unix", file.Name())
	if err != nil {
		return nil, err
	}
	if err := os.Rename(file.Name(), addr); err != nil { // no diagnostic: the file was removed, the name is a socket's
		l.Close()
		return nil, err
	}
	return l, nil
}

// Removed on one path only: the other still renames unsynced data.
func removedOnOnePath(dst string, data []byte, keep bool) {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return
	}
	f.Write(data)
	f.Close()
	if !keep {
		os.Remove(f.Name())
	}
	os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}
