// Package rmwoff is analyzed with -partialwrite.rmw=false: read-modify-
// write is not reported, the rename categories still are.
package rmwoff

import (
	"os"
	"path/filepath"
)

func bump(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '+'), 0o644) // no diagnostic: the category is switched off
}

func replace(dst string, data []byte) {
	f, _ := os.CreateTemp(filepath.Dir(dst), "x")
	f.Write(data)
	f.Close()
	os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}
