// Package fsutil holds an "exists" helper, as many code bases do. The
// helper is not a bug by itself; a caller that lets its answer decide
// whether to create the file is (see package pidfile).
package fsutil

import "os"

// Exists reports whether p exists.
func Exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
