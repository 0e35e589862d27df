// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import (
	"os"
	"path/filepath"
)

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Bump(p string) error { // want Bump:"rewrites path param 0"
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, byte(Twice(1))), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func Replace(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "x")
	if err != nil {
		return err
	}
	f.Write(data)
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func Synced(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "x")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Sync()
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: synced
}
