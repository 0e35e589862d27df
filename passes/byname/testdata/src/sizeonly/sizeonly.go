// Package sizeonly has stats by name of an open file whose answer is
// used only for the size: real in shape, reported in the opt-in category
// stat-size-only (with -byname.all), since a racer who can swap the name
// gains only a length that does not match the content read through the
// handle. A size that bounds a read of the handle, and a mode, stay on.
package sizeonly

import (
	"io"
	"net/http"
	"os"
)

// openUpload returns the file and its size for a request's
// ContentLength: a swapped name gives a failed request.
func openUpload(fn string) (io.ReadCloser, int64, error) {
	r, err := os.Open(fn)
	if err != nil {
		return r, -1, err
	}
	s, err := os.Stat(fn) // no diagnostic: opt-in stat-size-only
	if err != nil {
		return r, -1, err
	}
	return r, s.Size(), nil
}

func upload(fn, url string) error {
	body, n, err := openUpload(fn)
	if err != nil {
		return err
	}
	defer body.Close()
	req, err := http.NewRequest("PUT", url, body)
	if err != nil {
		return err
	}
	req.ContentLength = n
	_, err = http.DefaultClient.Do(req)
	return err
}

// sameSize compares the size of a partial download with the expected
// one: a swapped name makes the transfer start over.
func sameSize(name string, want int64) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := os.Stat(name) // no diagnostic: opt-in stat-size-only
	if err != nil || st.Size() != want {
		return false
	}
	return true
}

type pointer struct{ Size int64 }

// fillSize stores the size when it is unknown, after a nil check.
func fillSize(ptr *pointer, name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if ptr.Size == 0 {
		if st, _ := os.Stat(name); st != nil { // no diagnostic: opt-in stat-size-only
			ptr.Size = st.Size()
		}
	}
	return f, nil
}

// readAll sizes its buffer by the name's size and reads the handle into
// it: a file swapped in between gives a torn read of the open one.
func readAll(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := os.Stat(p) // want `os.Stat examines p by name while f, opened from it, is still open; another process can replace the name in between and the answer describes the replacement \(use f.Stat\)$`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, int(fi.Size()))
	_, err = io.ReadFull(f, buf)
	return buf, err
}

// copyN copies as many bytes as the name's size says.
func copyN(w io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := os.Stat(p) // want `os.Stat examines p by name while f`
	if err != nil {
		return err
	}
	_, err = io.CopyN(w, f, fi.Size())
	return err
}

// modeOf checks the mode of whatever the name is now.
func modeOf(p string) (*os.File, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(p) // want `os.Stat examines p by name while f`
	if err != nil || fi.Mode()&0o022 != 0 {
		f.Close()
		return nil, os.ErrPermission
	}
	return f, nil
}
