// Package dirsuser builds on dirs across packages: its helpers' summaries
// read the imported ones.
package dirsuser

import (
	"os"
	"path/filepath"

	"example.com/dirs"
)

// Cache returns a file under the state directory of dirs.StateDir.
func Cache() (string, error) { // want Cache:"^result 0 is under root user$"
	d, err := dirs.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "cache"), nil
}

// Prepare makes its parameter through another package's helper.
func Prepare(dir string) error { // want Prepare:"makes param 0 a private directory$"
	return dirs.EnsurePrivate(dir)
}

// Write makes its parameter through Prepare before it writes there.
func Write(dir string, data []byte) error { // want Write:"makes param 0 a private directory$"
	if err := Prepare(dir); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "x"), data, 0o600)
}
