// Package openuser builds on openers' functions across packages (facts).
package openuser

import (
	"os"

	"example.com/openers"
)

// Log is an opener of an opener, one package over.
func Log(p string) (*os.File, error) { // want Log:"returns the handle of path param 0 \\(file result 0, error result 1, writable\\)"
	return openers.OpenLog(p)
}

// ReadOnly passes constant flags to an opener that takes them: the
// caller's flags decide the access.
func ReadOnly(p string) (*os.File, error) { // want ReadOnly:"returns the handle of path param 0 \\(file result 0, error result 1, read-only\\)"
	return openers.OpenFlags(p, os.O_RDONLY)
}

// Default opens a path it chose itself: no opener of a parameter.
func Default() (*os.File, error) {
	return openers.OpenLog("/var/log/app.log")
}
