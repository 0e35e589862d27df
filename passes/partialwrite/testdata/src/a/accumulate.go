package a

import (
	"bufio"
	"io"
	"os"
)

// The error-accumulating idiom: Sync runs only when nothing failed
// before it, and every path on which something failed returns before the
// rename. No path that skips Sync reaches the rename.
func rebuild(name string, src io.Reader) error {
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	w := bufio.NewWriter(f)
	_, err = io.Copy(w, src)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, name) // no diagnostic: Sync ran on every path where nothing failed, and the others return
}

// The same idiom without the return on error: a failed copy skips Sync
// and still renames.
func rebuildCarelessly(name string, src io.Reader) error {
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Sync()
	}
	f.Close()
	return os.Rename(tmp, name) // want `os.Rename moves tmp onto name with no Sync since os.OpenFile made it`
}

// A path that skips Sync on an error and then clears the error reaches
// the rename.
func rebuildForgetting(name string, src io.Reader) error {
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Sync()
	} else {
		err = nil // ignored
	}
	f.Close()
	if err != nil {
		return err
	}
	return os.Rename(tmp, name) // want `os.Rename moves tmp onto name with no Sync since os.OpenFile made it`
}
