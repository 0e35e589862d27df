// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import (
	"os"
)

func bump(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	data = append(data, '!')
	// no diagnostic by default: a developer tool under internal/tools (reported with -partialwrite.tools)
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func main() {}
