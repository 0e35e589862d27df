// Package io is the founding case's helper package as it was really
// written: its writer passes the path through a validating helper before
// writing by name.
package io

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

var errSystem = errors.New("refusing a system path")

// cleanAndValidate returns the cleaned path, after resolving it and
// refusing system directories; an error only when validation fails.
func cleanAndValidate(path string) (string, error) {
	clean := filepath.Clean(path)
	abs, err := filepath.Abs(clean)
	if err != nil {
		return "", err
	}
	if abs == "/" || strings.HasPrefix(abs, "/etc/") {
		return "", errSystem
	}
	return clean, nil
}

// SafeWriteFile writes by name, through the validating helper: a wrapper
// of a create of its first parameter.
func SafeWriteFile(path string, data []byte, perm os.FileMode) error {
	clean, err := cleanAndValidate(path)
	if err != nil {
		return err
	}
	return os.WriteFile(clean, data, perm)
}

// SafeTryLock creates exclusively: it decides by itself.
func SafeTryLock(path string, perm os.FileMode) (bool, error) {
	clean, err := cleanAndValidate(path)
	if err != nil {
		return false, err
	}
	f, err := os.OpenFile(clean, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		if os.IsExist(err) {
			return false, nil
		}
		return false, err
	}
	return true, f.Close()
}

// Resolve is an exported cleaner: its callers keep the path they pass.
func Resolve(path string) (string, error) {
	if path == "" {
		return "", errSystem
	}
	return filepath.Abs(path)
}

// sibling returns another file of the same directory: not a cleaner.
func sibling(path string) (string, error) {
	if path == "" {
		return "", errSystem
	}
	return filepath.Join(filepath.Dir(path), "other"), nil
}

// WriteSibling writes a file next to path, never path itself: no wrapper
// of a use of path.
func WriteSibling(path string, data []byte) error {
	other, err := sibling(path)
	if err != nil {
		return err
	}
	return os.WriteFile(other, data, 0o600)
}

// WriteUnlessDry writes only when dry is false: another parameter steers
// the use, so it is no plain wrapper.
func WriteUnlessDry(path string, dry bool, data []byte) error {
	clean, err := cleanAndValidate(path)
	if err != nil {
		return err
	}
	if dry {
		return nil
	}
	return os.WriteFile(clean, data, 0o600)
}
