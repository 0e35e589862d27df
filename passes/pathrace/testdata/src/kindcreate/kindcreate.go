// Package kindcreate decides a create with an existence test combined with
// a test of the file's kind (issue 13, spelling 5).
package kindcreate

import (
	"fmt"
	"io"
	"log"
	"os"
	"path"
)

func writeUnlessFile(p string, data []byte) error {
	fi, err := os.Stat(p)
	if err == nil && !fi.IsDir() {
		return nil // a file is already there
	}
	return os.WriteFile(p, data, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

func createUnlessRegular(p string) error {
	if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.Create(p) // want `os.Create creates p after os.Lstat found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

func writeWarnIfLarge(p string, data []byte) error {
	fi, err := os.Stat(p)
	if err == nil && fi.Size() > 0 {
		log.Print("overwriting ", p)
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: the write runs whatever the check found
}

func writeIfPresentFile(p string, data []byte) error {
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: it writes only over a file found present (no absent path reaches it)
}

func writeOtherUnlessFile(p, q string, data []byte) error {
	fi, err := os.Stat(p)
	if err == nil && !fi.IsDir() {
		return nil
	}
	return os.WriteFile(q, data, 0o644) // no diagnostic: another path
}

func writeUnlessDir(p string, data []byte) error {
	fi, err := os.Stat(p)
	if err == nil && fi.IsDir() {
		return os.ErrExist // only a directory is refused
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: a file found present is overwritten on purpose; absent or present, the write does the same
}

func createExclUnlessFile(p string) error {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return nil
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: O_EXCL makes the create decide by itself
	if err != nil {
		return err
	}
	return f.Close()
}

func mkdirAllUnlessFile(p string) error {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return os.ErrExist
	}
	return os.MkdirAll(p, 0o755) // no diagnostic: MkdirAll tolerates a directory made in between
}

func writeLogIfFile(p string, data []byte) error {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		log.Print("replacing ", p)
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: the kind test only logs; the write runs whatever the check found
}

func writeUnlessOtherIsFile(p, q string, data []byte) error {
	if fi, err := os.Stat(q); err == nil && !fi.IsDir() {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: the check is of another path
}

func writeUnlessFileRenamed(p string, data []byte) error {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return nil
	}
	p = p + ".new"
	return os.WriteFile(p, data, 0o644) // no diagnostic: p was reassigned: another path
}

func writeUnlessSize(p string, data []byte) error {
	if fi, err := os.Stat(p); err == nil && fi.Size() > 0 {
		return nil
	}
	return os.WriteFile(p, data, 0o644) // no diagnostic: a size test is not a kind test: an empty file found present is overwritten on purpose
}

// downloadTo refuses only a directory, then makes the parent and
// creates the file whether or not it was there (from fresh15's Weaviate
// backup client): the MkdirAll error test, passed the path's directory,
// stands between both outcomes and the create, so it is no staleness
// test of the present file.
func downloadTo(destPath string, r io.Reader) error {
	if st, err := os.Stat(destPath); err == nil {
		if st.IsDir() {
			return fmt.Errorf("file is a directory")
		}
	} else if !os.IsNotExist(err) {
		return err
	}
	if err := os.MkdirAll(path.Dir(destPath), 0o755); err != nil {
		return fmt.Errorf("mkdir for %q: %w", destPath, err)
	}
	file, err := os.Create(destPath) // no diagnostic: a present regular file is overwritten on purpose; the only test on both sides is the parent's MkdirAll
	if err != nil {
		return err
	}
	if _, err := io.Copy(file, r); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// takeUnlessBusy is the stale-lock shape the rule above must keep: the
// test that refuses stands on the present side only.
func takeUnlessBusy(lock string) error {
	if _, err := os.Stat(lock); err == nil {
		if !expired(lock) {
			return fmt.Errorf("busy")
		}
	}
	if err := os.MkdirAll(path.Dir(lock), 0o755); err != nil {
		return err
	}
	return os.WriteFile(lock, []byte("pid"), 0o600) // want `os.WriteFile creates lock after os.Stat found it absent or stale`
}

func expired(string) bool { return true }
