// Package tooling is developer tooling.
package tooling

import (
	"errors"
	"os"
)

func save(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return errors.New("exists")
	}
	// no diagnostic by default: developer tooling under internal/tools (reported with -pathrace.tools)
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}
