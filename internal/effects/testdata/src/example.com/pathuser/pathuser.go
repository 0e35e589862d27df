// Package pathuser builds on paths' helpers across packages (facts).
package pathuser

import "example.com/paths"

// Present is a check of a check, one package over.
func Present(p string) bool { // want Present:"checks path param 0 \\(result 0 true if present\\)"
	return paths.IsFile(p)
}

// Store is a use of a use, one package over.
func Store(p string, b []byte) error { // want Store:"creates path param 0"
	return paths.Put(p, b)
}

// Tee writes through the wrapper to a path it makes itself: no use of
// its parameter.
func Tee(b []byte) error {
	return paths.Put("/srv/app/out", b)
}
