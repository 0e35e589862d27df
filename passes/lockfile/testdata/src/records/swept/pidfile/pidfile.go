// Package pidfile writes the daemon's pid file and cleans those of dead
// daemons.
package pidfile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Path names the pid file of name in dir.
func Path(dir, name string) string { return filepath.Join(dir, name+".pid") }

// Write creates the pid file; it fails if another daemon runs.
func Write(dir, name string) error {
	p := filepath.Join(dir, name+".pid")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid()) + "\n"); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err // want `return leaves lock file .* behind`
	}
	return f.Close()
}

// CleanDead removes the pid files of processes that no longer run.
func CleanDead(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".pid") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || syscall.Kill(pid, 0) != nil {
			os.Remove(path)
		}
	}
}
