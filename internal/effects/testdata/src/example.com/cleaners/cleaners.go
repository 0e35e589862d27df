// Package cleaners has functions that return a cleaned or validated form
// of a parameter, and near misses that do not.
package cleaners

import (
	"errors"
	"path/filepath"
	"strings"
)

var errBad = errors.New("bad path")

func Clean(p string) string { // want Clean:"result 0 cleans param 0"
	return filepath.Clean(p)
}

func Validate(p string) (string, error) { // want Validate:"result 0 cleans param 0"
	if strings.Contains(p, "..") {
		return "", errBad
	}
	return p, nil
}

func Resolve(root, p string) (string, error) { // want Resolve:"result 0 cleans param 1"
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(abs, root) {
		return "", errBad
	}
	return filepath.Clean(p), nil
}

// Twice is a cleaner built on a cleaner.
func Twice(p string) (string, error) { // want Twice:"result 0 cleans param 0"
	v, err := Validate(p)
	if err != nil {
		return "", err
	}
	return Clean(v), nil
}

// Normalize cleans p on one branch and keeps it on the other.
func Normalize(p string, clean bool) string { // want Normalize:"result 0 cleans param 0"
	if clean {
		p = filepath.Clean(p)
	}
	return p
}

// Type's method cleans its parameter, after the receiver.
type Type struct{}

func (Type) Clean(p string) (string, error) { // want Clean:"result 0 cleans param 1"
	return filepath.Abs(p)
}

func unexported(p string) string { return filepath.Clean(p) } // no fact: unexported, summarized for the package only

func Uses(p string) string { return unexported(p) } // want Uses:"result 0 cleans param 0"

// Sibling returns another path: no cleaner.
func Sibling(p string) (string, error) {
	if p == "" {
		return "", errBad
	}
	return filepath.Join(filepath.Dir(p), "other"), nil
}

// Default returns another string without an error: no cleaner.
func Default(p string) (string, error) {
	if p == "" {
		return "/tmp/default", nil
	}
	return p, nil
}

// Either returns one of two parameters: no cleaner.
func Either(a, b string) string {
	if a == "" {
		return b
	}
	return a
}

// Join is a pure function of two paths: no cleaner of either.
func Join(a, b string) string { return filepath.Join(a, b) }
