// Package fsabsutil is a helper package that checks through an afero.Fs.
package fsabsutil

import "github.com/spf13/afero"

// Exists reports whether p exists in fsys.
func Exists(fsys afero.Fs, p string) bool {
	_, err := fsys.Stat(p)
	return err == nil
}

// Save writes data to p in fsys.
func Save(fsys afero.Fs, p string, data []byte) error {
	return afero.WriteFile(fsys, p, data, 0o644)
}
