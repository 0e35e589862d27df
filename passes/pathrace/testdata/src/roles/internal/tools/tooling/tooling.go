// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import (
	"errors"
	"os"
)

func save(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return errors.New("exists")
	}
	// no diagnostic by default: a developer tool under internal/tools (reported with -pathrace.tools)
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func main() {}
