// Package fiximports uses path/filepath only in the name it creates: a fix
// would leave the import unused, so none is offered.
package fiximports

import (
	"os"
	"path/filepath"
)

func create() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "only.log")) // want `os.Create creates filepath.Join\(os.TempDir\(\), "only.log"\), a fixed name`
}

func createTemp() (*os.File, error) {
	return os.CreateTemp("", "only-*.log") // no diagnostic: random name, exclusive create
}
