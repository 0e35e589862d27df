// Command bumpversion rewrites a Go source file of its repository, as a
// version bumper run by go:generate does: a developer tool.
package main // want `role: developer tool`

import (
	"os"
	"path/filepath"
	"strings"
)

func replaceInFile(name, old, new string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
}

func main() {
	replaceInFile(filepath.Join("src", "cli", "cli.go"), "v1", os.Getenv("VERSION"))
	replaceInFile("README.md", "v1", os.Getenv("VERSION"))
}
