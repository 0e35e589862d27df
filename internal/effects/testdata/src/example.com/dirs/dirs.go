// Package dirs has helpers that make a directory their own, or return a
// path under a directory whose owner the path says: what
// pathflow.Roots reads through them (Fact.MakesDirs, Fact.ResultDir).
package dirs

import (
	"errors"
	"os"
	"path/filepath"
)

// EnsurePrivate makes dir with a mode only its owner can write.
func EnsurePrivate(dir string) error { // want EnsurePrivate:"^creates directory at param 0, makes param 0 a private directory$"
	return os.MkdirAll(dir, 0o700)
}

// EnsureShared makes dir writable by everyone: not private.
func EnsureShared(dir string) error { // want EnsureShared:"^creates directory at param 0$"
	return os.MkdirAll(dir, 0o777)
}

// EnsureSometimes makes dir only on one branch: not on every return.
func EnsureSometimes(dir string, make bool) error { // no fact: not on every return
	if make {
		return os.MkdirAll(dir, 0o700)
	}
	return nil
}

// EnsureBoth makes its parameter through EnsurePrivate: a helper of a
// helper.
func EnsureBoth(dir string) error { // want EnsureBoth:"makes param 0 a private directory"
	return EnsurePrivate(dir)
}

// EnsureChecked returns an error before it makes the directory: a caller
// that drops the error goes on with no directory made.
func EnsureChecked(dir string) error { // want EnsureChecked:"^creates directory at param 0$"
	if dir == "" {
		return errors.New("no directory")
	}
	return os.MkdirAll(dir, 0o700)
}

// StateDir returns a directory under the user's configuration directory.
func StateDir() (string, error) { // want StateDir:"^result 0 is under root user$"
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "app"), nil
}

// MadeDir returns a configured directory it made private.
func MadeDir(base string) (string, error) { // want MadeDir:"makes param 0 a private directory, result 0 is under root own"
	if err := os.MkdirAll(base, 0o700); err != nil {
		return "", err
	}
	return base, nil
}

// RunDir returns a directory in /run: root's, and a tmpfs.
func RunDir() string { // want RunDir:"^result 0 is under root system \\(tmpfs\\)$"
	return "/run/app"
}

// Either returns the user's directory or /tmp: they do not agree.
func Either(user bool) string {
	if user {
		return os.Getenv("HOME")
	}
	return "/tmp"
}

// Configured returns what it is given: unknown.
func Configured(p string) string { // want Configured:"^result 0 cleans param 0$"
	return p
}
