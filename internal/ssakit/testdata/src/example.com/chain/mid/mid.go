// Package mid holds levels 1 to 5 of two helper chains, each ten deep
// across three packages (app calls mid, mid calls low), that pass a path
// down through a validating cleaner: every file check must see through all
// ten levels to the operation at the bottom.
package mid

import (
	"os"

	"example.com/chain/low"
)

// Write is level 1 of the Write chain: it creates (without O_EXCL) and
// rewrites the file p names.
func Write(p string, data []byte) error {
	return write2(p, data)
}

// write2 is level 2 of the Write chain.
func write2(p string, data []byte) error {
	return write3(p, data)
}

// write3 is level 3 of the Write chain.
func write3(p string, data []byte) error {
	return write4(p, data)
}

// write4 is level 4 of the Write chain.
func write4(p string, data []byte) error {
	return write5(p, data)
}

// write5 is level 5 of the Write chain.
func write5(p string, data []byte) error {
	return low.Write(p, data)
}

// Lock is level 1 of the Lock chain: it creates the file p names
// exclusively and returns it open.
func Lock(p string) (*os.File, error) {
	return lock2(p)
}

// lock2 is level 2 of the Lock chain.
func lock2(p string) (*os.File, error) {
	return lock3(p)
}

// lock3 is level 3 of the Lock chain.
func lock3(p string) (*os.File, error) {
	return lock4(p)
}

// lock4 is level 4 of the Lock chain.
func lock4(p string) (*os.File, error) {
	return lock5(p)
}

// lock5 is level 5 of the Lock chain.
func lock5(p string) (*os.File, error) {
	return low.Lock(p)
}
