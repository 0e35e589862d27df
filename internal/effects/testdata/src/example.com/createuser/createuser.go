// Package createuser builds on creators' functions across packages
// (facts).
package createuser

import (
	"os"
	"path/filepath"

	"example.com/creators"
)

// Save is a create of a create, one package over.
func Save(path string) error { // want Save:"creates file at param 0"
	return creators.Touch(path)
}

// SaveIn passes a name in the directory it is given to a creator of the
// whole path: the parameter is the directory of a fixed name.
func SaveIn(dir string) error { // want SaveIn:"creates file \\(fixed name\\) in directory param 0"
	return creators.WriteFile(filepath.Join(dir, "saved.json"), nil)
}

// Cache makes a directory under the shared temporary directory, named by
// its parameter.
func Cache(name string) error { // want Cache:"creates directory named by param 0 in the shared temporary directory"
	return creators.MakeAll(filepath.Join(os.TempDir(), name))
}

// Fixed creates a name it chose itself: no create of a parameter.
func Fixed() error {
	return creators.Touch("/var/lib/app/state")
}
