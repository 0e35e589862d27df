//go:build !darwin

package goos

import "os"

func CreateLock() (*os.File, error) {
	return os.Create("/tmp/goos.lock") // want `os.Create creates "/tmp/goos.lock", a fixed name`
}
