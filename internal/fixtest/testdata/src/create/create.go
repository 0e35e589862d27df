// Package create calls os.Create, which the test analyzers rewrite.
package create

import "os"

func Open(p string) (*os.File, error) {
	return os.Create(p)
}

func Twice(a, b string) error {
	f, err := os.Create(a)
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := os.Create(b)
	if err != nil {
		return err
	}
	return g.Close()
}
