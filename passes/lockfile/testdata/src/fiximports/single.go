package fiximports

import "os"

func single(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held`
	}
	if err != nil {
		return err
	}
	defer os.Remove(lockPath)
	return f.Close()
}

type paths struct{ lock string }

func shadowed(p paths) error {
	fmt := "not a package"
	_ = fmt
	f, err := os.OpenFile(p.lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if os.IsExist(err) {
		return os.ErrExist // want `return gives os.ErrExist when lock file p.lock is held`
	}
	if err != nil {
		return err
	}
	defer os.Remove(p.lock)
	return f.Close()
}
