// Package quiet has helpers that read a file and return nothing on any
// error, and one that does not.
package quiet

import "os"

// Load returns the file's contents, or nil when it cannot be read.
func Load(name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	return b
}

// LoadErr returns the file's contents and the error.
func LoadErr(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return b, nil
}
