// Package lib is a library that happens to live under tools/: ordinary code, reported by default.
package lib

import (
	"os"
)

func bump(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	data = append(data, '!')
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}
