// Package fiximports has races whose fixes would leave an import unused:
// no fix is offered for them.
package fiximports

import (
	"errors"
	"io/fs"
	"io/ioutil"
	"os"
)

func writeIfAbsent(p string) error {
	if _, err := os.Stat(p); err == nil {
		return os.ErrExist
	}
	return ioutil.WriteFile(p, nil, 0o600) // want `ioutil.WriteFile creates p after os.Stat found it absent`
}

func readIfPresent(p string) ([]byte, error) {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present`
	if err != nil {
		return nil, err
	}
	return data, nil
}
