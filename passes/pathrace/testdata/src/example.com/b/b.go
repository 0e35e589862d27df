// Package b calls fsutil's helpers: the checks and uses pathrace finds
// here are known only through facts.
package b

import (
	"os"
	"path/filepath"

	"example.com/fsutil"
)

type state struct{ LastSequence int }

// loadState is the founding case (connect sync lock): stat the lock path,
// then write it through a wrapper of another package.
func loadState(ctxDir string) (state, func(), error) {
	var s state
	lockPath := filepath.Join(ctxDir, "hub", ".sync.lock")
	if _, statErr := os.Stat(lockPath); statErr == nil {
		return s, nil, os.ErrExist
	}
	if writeErr := fsutil.SafeWriteFile(lockPath, []byte("locked"), 0o600); writeErr != nil { // want `fsutil.SafeWriteFile creates lockPath after os.Stat found it absent`
		return s, nil, writeErr
	}
	return s, func() { os.Remove(lockPath) }, nil
}

// loadStateFixed is the same function after the fix: one exclusive create.
func loadStateFixed(ctxDir string) (state, func(), error) {
	var s state
	lockPath := filepath.Join(ctxDir, "hub", ".sync.lock")
	acquired, lockErr := fsutil.SafeTryLock(lockPath, 0o600)
	if lockErr != nil {
		return s, nil, lockErr
	}
	if !acquired {
		return s, nil, os.ErrExist
	}
	return s, func() { os.Remove(lockPath) }, nil
}

// The stat is a fast path; SafeTryLock still decides.
func fastPathThenLock(lockPath string) (bool, error) {
	if _, err := os.Stat(lockPath); err == nil {
		return false, nil
	}
	return fsutil.SafeTryLock(lockPath, 0o600)
}

func createUnlessExists(p string) error {
	if fsutil.Exists(p) {
		return nil
	}
	f, err := os.Create(p) // want `os.Create creates p after fsutil.Exists found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

func readIfDir(p string) ([]byte, error) {
	if !fsutil.IsDir(p) {
		return nil, nil
	}
	return os.ReadFile(filepath.Join(p, "index")) // no diagnostic: a file inside the checked directory is another path
}

func makeIfMissing(d string) error {
	if fsutil.Missing(d) {
		return os.Mkdir(d, 0o755) // want `os.Mkdir makes d after fsutil.Missing found it absent`
	}
	return nil
}

func readIfExists(p string) ([]byte, error) {
	ok, err := fsutil.FileExists(p)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, nil
	}
	return os.ReadFile(p) // want `os.ReadFile opens p after fsutil.FileExists found it present`
}

func removeIfStatOK(p string) error {
	if err := fsutil.StatErr(p); err != nil {
		return nil
	}
	return os.Remove(p) // want `os.Remove removes p after fsutil.StatErr found it present`
}

func touchIfAbsent(p string) error {
	if !fsutil.Exists(p) {
		return fsutil.Touch(p) // want `fsutil.Touch creates p after fsutil.Exists found it absent`
	}
	return nil
}

func replaceIfAbsent(tmp, dst string) error {
	if fsutil.Exists(dst) {
		return os.ErrExist
	}
	return fsutil.Replace(tmp, dst) // want `fsutil.Replace renames onto dst after fsutil.Exists found it absent`
}

func validThenCreate(p string) error {
	if !fsutil.Valid(p) {
		return nil
	}
	_, err := os.Create(p) // no diagnostic: Valid's result says nothing about p
	return err
}

func removeQuietlyIfExists(p string) error {
	if fsutil.Exists(p) {
		return fsutil.RemoveQuietly(p) // no diagnostic: RemoveAll tolerates absence
	}
	return nil
}

func saveNew(s *fsutil.Store, name string) error {
	if s.Has(name) {
		return os.ErrExist
	}
	return s.Save(name, nil) // want `\(\*Store\).Save creates name after \(Store\).Has found it absent`
}

func saveOther(s *fsutil.Store, name string) error {
	if s.Has(name) {
		return os.ErrExist
	}
	return s.Save(name+".tmp", nil) // no diagnostic: another path
}

func mustRemoveIfExists(p string) {
	if fsutil.Exists(p) {
		fsutil.MustRemove(p) // want `fsutil.MustRemove removes p after fsutil.Exists found it present`
	}
}

func parseIfPresent(name string, content []byte) ([]byte, error) {
	if !fsutil.Exists(name) {
		return nil, nil
	}
	return fsutil.Parse(name, content) // no diagnostic: Parse reads name only when content is nil
}

func writeCheckedIfAbsent(name string) error {
	if fsutil.Exists(name) {
		return os.ErrExist
	}
	return fsutil.WriteChecked(name, nil) // want `fsutil.WriteChecked creates name after fsutil.Exists found it absent`
}

func createNewIfAbsent(p string) error {
	if fsutil.Exists(p) {
		return nil
	}
	return fsutil.CreateNew(p) // no diagnostic: CreateNew makes its own decision, reported inside it
}
