// Package fiximports holds cases whose fix would leave an import or a
// variable unused: they are reported without a fix.
package fiximports

import (
	"os"

	"example.com/fileutil"
)

func onlyUseOfOS(p string) error {
	f := fileutil.MustCreate(p)
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f`
}
