// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import "os"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Restrict(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}

func RestrictClosed(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	f.Close()
	return os.Chmod(p, 0o600) // no diagnostic: closed
}
