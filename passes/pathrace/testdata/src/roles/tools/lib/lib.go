// Package lib is a library that happens to live under tools/: ordinary code, reported by default.
package lib

import (
	"errors"
	"os"
)

func save(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return errors.New("exists")
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}
