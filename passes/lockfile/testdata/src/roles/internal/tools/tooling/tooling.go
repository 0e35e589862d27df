// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import (
	"os"
)

func work() error { return nil }

func locked(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		// no diagnostic by default: a developer tool under internal/tools (reported with -lockfile.tools)
		return err // want `return leaves lock file lockPath behind`
	}
	return os.Remove(lockPath)
}

func main() {}
