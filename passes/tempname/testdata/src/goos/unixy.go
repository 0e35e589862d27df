//go:build windows || linux

package goos

import (
	"os"
	"path/filepath"
)

func CreateState() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "goos.state")) // want `os.Create creates filepath.Join\(os.TempDir\(\), "goos.state"\), a fixed name`
}
