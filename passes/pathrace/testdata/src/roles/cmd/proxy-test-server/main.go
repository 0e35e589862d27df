// Command proxy-test-server is a maintainer's test program: a word of its
// path element is "test".
package main

import (
	"errors"
	"os"
)

func save(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return errors.New("exists")
	}
	// no diagnostic by default: a test program (reported with -pathrace.tools)
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func main() {}
