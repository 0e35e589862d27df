// Package cleanup removes files that may or may not be there.
package cleanup

import "os"

// RemoveRacy removes p if it exists. If another process removes p between
// the Stat and the Remove, RemoveRacy fails although the goal, no file at
// p, is reached.
func RemoveRacy(p string) error {
	if _, err := os.Stat(p); err == nil {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

// Remove removes p; os.RemoveAll succeeds when p does not exist.
func Remove(p string) error {
	return os.RemoveAll(p)
}
