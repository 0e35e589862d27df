// Package config reads an optional configuration file.
package config

import (
	"errors"
	"io/fs"
	"os"
)

// LoadRacy reads p if it exists. The file can be removed or replaced
// between the Stat and the ReadFile, and the Stat costs a system call
// for nothing.
func LoadRacy(p string) ([]byte, error) {
	if _, err := os.Stat(p); err == nil {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		return data, nil
	}
	return nil, nil // no file: use the defaults
}

// Load just reads p and treats "does not exist" as "no configuration".
func Load(p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // no file: use the defaults
	}
	return data, err
}
