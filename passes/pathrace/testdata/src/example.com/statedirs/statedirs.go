// Package statedirs has a program's directory helpers: one returns its
// state directory under the user's configuration directory, one makes a
// directory only its owner can write, one returns a scratch directory in
// /tmp.
package statedirs

import (
	"os"
	"path/filepath"
)

// StateDir returns the program's state directory.
func StateDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "app"), nil
}

// Ensure makes dir, writable by its owner alone.
func Ensure(dir string) error {
	return os.MkdirAll(dir, 0o700)
}

// Scratch returns a directory in the shared /tmp.
func Scratch() string {
	return "/tmp/app-scratch"
}
