// Package goos has files for several systems: os.TempDir() is shared only
// on some of them.
package goos
