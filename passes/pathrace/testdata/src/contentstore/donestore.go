package contentstore

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A store whose name is computed elsewhere (here: a parameter, as
// dendrite's base64 hash and git-lfs's object ID arrive) and whose
// present side takes the existing file for the result, after comparing
// only its size: the program keeps whatever file holds the name, so a
// file renamed there in between is one it would have kept had it come
// first. Replacing it changes which of two equivalent writers wins.
func moveIntoStore(tmp, dir, oid string, size int64) (string, error) {
	final := filepath.Join(dir, oid[:2], oid)
	if fi, err := os.Stat(final); !os.IsNotExist(err) {
		if err == nil && fi.Size() == size {
			return final, nil // a duplicate: done
		}
		return "", errors.New("object collision")
	}
	if err := os.Rename(tmp, final); err != nil { // no diagnostic: the present side takes the stored file for the result
		return "", err
	}
	return final, nil
}

// The same, with a deferred cleanup (its returns go through result locals).
func moveIntoStoreDefer(tmpDir, dir, oid string) error {
	defer os.RemoveAll(tmpDir)
	final := filepath.Join(dir, oid)
	if _, err := os.Stat(final); err == nil {
		return nil // already stored
	}
	return os.Rename(filepath.Join(tmpDir, "content"), final) // no diagnostic: the present side returns success
}

// A migration that skips, and cleans up after, what an earlier run moved:
// the present side goes on with the loop.
func migrate(dir string, names []string) {
	for _, name := range names {
		newPath := filepath.Join(dir, strings.TrimPrefix(name, "old-"))
		if _, err := os.Stat(newPath); err == nil {
			os.Remove(filepath.Join(dir, name)) // already migrated
			continue
		}
		os.Rename(filepath.Join(dir, name), newPath) // no diagnostic: the present side takes the migrated file for done
	}
}

// A present side that reads the existing file to compare contents, and
// keeps both under different names when they differ (Taildrop), does not
// trust the name: a file another program puts there in between is
// someone's data, which the rename replaces.
func receive(partial, dir, name string) (string, error) {
	dst := filepath.Join(dir, name)
	for i := 0; i < 10; i++ {
		_, statErr := os.Stat(dst)
		if os.IsNotExist(statErr) {
			return dst, os.Rename(partial, dst) // want `os.Rename renames onto dst after os.Stat found it absent`
		}
		if statErr != nil {
			return "", statErr
		}
		if same, err := sameContents(partial, dst); err == nil && same { // want `contentstore.sameContents opens dst after os.Stat found it present`
			return dst, os.Remove(partial)
		}
		dst = filepath.Join(dir, name+"-"+string(rune('1'+i)))
	}
	return "", errors.New("no free name")
}

func sameContents(a, b string) (bool, error) {
	ha, err := sum(a)
	if err != nil {
		return false, err
	}
	hb, err := sum(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ha, hb), nil
}

func sum(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// A move that promises to refuse an existing destination (go-git's
// Worktree.Move): the rename breaks the promise.
func move(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return errors.New("destination exists")
	}
	return os.Rename(from, to) // want `os.Rename renames onto to after os.Lstat found it absent`
}

// Loose objects named by their hash elsewhere (go-git's ObjectWriter): the
// present side removes the temporary file and returns that remove's
// error, a cleanup, not a refusal.
func saveObject(tmp, file string) error {
	if _, err := os.Lstat(file); err == nil {
		return os.Remove(tmp)
	}
	return os.Rename(tmp, file) // no diagnostic: the present side cleans up and takes the stored object
}

// A present side that makes its error refuses.
func claim(tmp, file string) error {
	if _, err := os.Lstat(file); err == nil {
		return fmt.Errorf("%s: already claimed", file)
	}
	return os.Rename(tmp, file) // want `os.Rename renames onto file after os.Lstat found it absent`
}

// The same store, its present side spelled as a disjunction (go-git's
// loose-object writer: err == nil || os.IsExist(err)): no single if
// decides it, the join of both edges that say "there" does.
func saveLooseObject(tmp, file string) error {
	if _, err := os.Lstat(file); err == nil || os.IsExist(err) {
		return os.Remove(tmp)
	}
	return os.Rename(tmp, file) // no diagnostic: the present side, a disjunction, cleans up and takes the stored object
}

// A disjunction whose present side refuses.
func claimOnce(tmp, file string) error {
	if _, err := os.Lstat(file); err == nil || os.IsExist(err) {
		return fmt.Errorf("%s: already claimed", file)
	}
	return os.Rename(tmp, file) // want `os.Rename renames onto file after os.Lstat found it absent`
}
