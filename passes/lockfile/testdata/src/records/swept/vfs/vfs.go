// Package vfs is the file system interface of ifacefs.
package vfs

import "os"

// FS is the file system the lock manager works on.
type FS interface {
	Remove(name string) error
}

// OS is the real file system.
type OS struct{}

func (OS) Remove(name string) error { return os.Remove(name) } // want Remove:`releases the lock file at param 1`
