// Command proxy-test-server is a maintainer's test program: a word of its
// path element is "test".
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
	// no diagnostic by default: a test program (reported with -partialwrite.tools)
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func main() {}
