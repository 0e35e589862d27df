// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import (
	"os"
)

func save(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	// no diagnostic by default: a developer tool under internal/tools (reported with -byname.tools)
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

func main() {}
