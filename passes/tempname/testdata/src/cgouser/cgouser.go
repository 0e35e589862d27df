// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import "os"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Log() (*os.File, error) {
	return os.Create("/tmp/cgouser.log") // want `os.Create creates "/tmp/cgouser.log", a fixed name`
}

func LogTemp() (*os.File, error) {
	return os.CreateTemp("", "cgouser-*.log") // no diagnostic: random name, exclusive create
}
