// Package low holds levels 6 to 10 of the chains of package mid, and the
// validating cleaner that level 8 passes the path through.
package low

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

var errSystem = errors.New("refusing a system path")

// CleanAndValidate returns the cleaned path, after resolving it and
// refusing system directories; an error only when validation fails.
func CleanAndValidate(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if abs == "/" || strings.HasPrefix(abs, "/etc/") {
		return "", errSystem
	}
	return filepath.Clean(path), nil
}

// Write is level 6 of the Write chain, called from package mid.
func Write(p string, data []byte) error {
	return write7(p, data)
}

// write7 is level 7 of the Write chain.
func write7(p string, data []byte) error {
	return write8(p, data)
}

// write8 is level 8 of the Write chain, through the validating cleaner.
func write8(p string, data []byte) error {
	clean, err := CleanAndValidate(p)
	if err != nil {
		return err
	}
	return write9(clean, data)
}

// write9 is level 9 of the Write chain.
func write9(p string, data []byte) error {
	return write10(p, data)
}

// write10 is level 10 of the Write chain, the bottom.
func write10(p string, data []byte) error {
	return os.WriteFile(p, data, 0o644)
}

// Lock is level 6 of the Lock chain, called from package mid.
func Lock(p string) (*os.File, error) {
	return lock7(p)
}

// lock7 is level 7 of the Lock chain.
func lock7(p string) (*os.File, error) {
	return lock8(p)
}

// lock8 is level 8 of the Lock chain, through the validating cleaner.
func lock8(p string) (*os.File, error) {
	clean, err := CleanAndValidate(p)
	if err != nil {
		return nil, err
	}
	return lock9(clean)
}

// lock9 is level 9 of the Lock chain.
func lock9(p string) (*os.File, error) {
	return lock10(p)
}

// lock10 is level 10 of the Lock chain, the bottom.
func lock10(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}
