// Package fixes holds the shapes the Sync fix handles, and the shapes it
// leaves to the message.
package fixes

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	t "time"
)

type record struct{ N int }

type state int

func plainClose(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func manyResults(dst string, data []byte) (int, string, *record, record, []byte, bool, state, t.Time, error) {
	tmp, err := os.Create(dst + "~")
	if err != nil {
		return 0, "", nil, record{}, nil, false, 0, t.Time{}, err
	}
	n, err := tmp.Write(data)
	if err != nil {
		return 0, "", nil, record{}, nil, false, 0, t.Time{}, err
	}
	if err := tmp.Close(); err != nil {
		return 0, "", nil, record{}, nil, false, 0, t.Time{}, err
	}
	return n, "", nil, record{}, nil, true, 1, t.Now(), os.Rename(dst+"~", dst) // want `os.Rename moves dst \+ "~" onto dst with no Sync since os.Create made it`
}

func generic[T any](dst string, data []byte) (T, error) {
	var zero T
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return zero, err
	}
	f.Write(data)
	if err := f.Close(); err != nil {
		return zero, err
	}
	return zero, os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func deferredClose(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), dst); err != nil { // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
		return err
	}
	return nil
}

var inLiteral = func(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	switch err := f.Close(); {
	case err != nil:
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func inElse(dst string, data []byte, verbose bool) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	if verbose {
		println("writing", dst)
	}
	err = f.Close()
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

// ---- shapes the fix leaves alone (the report names the remedy)

func flushInSameStatement(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(data)
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func noErrorResult(dst string, data []byte) bool {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return false
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst) == nil // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

type writer struct{ f *os.File }

func viaField(w *writer, dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	w.f = f
	w.f.Write(data)
	w.f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: the file is stored in a field the pass does not follow
}

func closedOnSomePaths(dst string, data []byte, early bool) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer f.Close()
	f.Write(data)
	if early {
		f.Close()
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func writeFileHasNoHandle(dst string, data []byte) error {
	if err := os.WriteFile(dst+".tmp", data, 0o644); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst) // want `os.Rename moves dst \+ ".tmp" onto dst with no Sync since os.WriteFile wrote it`
}

func shadowedInInnerBlock(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	name := f.Name()
	{
		f := 0
		_ = f
	}
	f.Close()
	return os.Rename(name, dst) // want `os.Rename moves name onto dst with no Sync since os.CreateTemp made it`
}

func synced(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	f.Write(data)
	if err := f.Sync(); err != nil {
		return err
	}
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: synced
}
