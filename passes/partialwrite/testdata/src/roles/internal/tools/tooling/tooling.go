// Package tooling is developer tooling.
package tooling

import (
	"os"
)

func bump(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	data = append(data, '!')
	// no diagnostic by default: developer tooling under internal/tools (reported with -partialwrite.tools)
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}
