// Package safepath refuses symbolic links in a path's components, for
// another package to call (internal/effects summarizes it in a fact).
package safepath

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

var ErrSymlink = errors.New("symbolic link in path")

// CheckParents refuses a symbolic link in p or any directory above it.
func CheckParents(p string) error {
	for d := filepath.Clean(p); d != "/" && d != "."; d = filepath.Dir(d) {
		fi, err := os.Lstat(d)
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return ErrSymlink
		}
	}
	return nil
}
