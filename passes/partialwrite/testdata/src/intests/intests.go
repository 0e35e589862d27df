// Package intests has findings only in its test file.
package intests

import "os"

func Read(p string) ([]byte, error) { // want Read:"reads path param 0"
	return os.ReadFile(p) // no diagnostic: only a read
}
