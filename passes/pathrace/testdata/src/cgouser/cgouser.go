// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import "os"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Lock(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.ErrExist
	}
	return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func LockExcl(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: exclusive create
	if err != nil {
		return err
	}
	return f.Close()
}
