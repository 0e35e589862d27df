// Package lib is a library that happens to live under tools/: ordinary code, reported by default.
package lib

import (
	"os"
)

func save(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}
