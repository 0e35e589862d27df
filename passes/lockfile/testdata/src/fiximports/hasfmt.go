package fiximports

import (
	format "fmt"
	"os"
)

func hasFmt(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held`
	}
	if err != nil {
		return format.Errorf("locking: %w", err)
	}
	defer os.Remove(lockPath)
	return f.Close()
}

func pathOutOfScope(dir string) error {
	if err := func() error {
		lockPath := dir + "/lock"
		f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		defer os.Remove(lockPath)
		return f.Close()
	}(); err != nil {
		return err // no diagnostic: the error names the file (an *fs.PathError)
	}
	return nil
}
