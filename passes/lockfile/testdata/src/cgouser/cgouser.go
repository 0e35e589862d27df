// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import "os"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Lock(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if Twice(1) != 2 {
		return os.ErrInvalid // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath)
	return nil
}

func LockDeferred(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	f.Close()
	if Twice(1) != 2 {
		return os.ErrInvalid // no diagnostic: deferred
	}
	return nil
}
