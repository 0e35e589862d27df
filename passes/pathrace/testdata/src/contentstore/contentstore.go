// Package contentstore has content-addressed stores: the final name is a
// digest of the bytes written, so a file another process renames there
// between the check and the rename holds the same bytes, and replacing it
// breaks nothing. A name that is a digest of something else (a key, a
// URL) is an ordinary rename-over-checked.
package contentstore

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func putBytes(dir string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	dst := filepath.Join(dir, hex.EncodeToString(sum[:]))
	if _, err := os.Stat(dst); err == nil {
		return dst, nil // already stored
	}
	tmp, err := os.CreateTemp(dir, "put-*")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return dst, os.Rename(tmp.Name(), dst) // no diagnostic: the name is sha256 of the bytes written
}

func putStream(dir string, r io.Reader) (string, error) {
	tmp, err := os.CreateTemp(dir, "put-*")
	if err != nil {
		return "", err
	}
	defer tmp.Close()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tmp, h), r); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "blobs", fmt.Sprintf("%x", h.Sum(nil)))
	if _, err := os.Stat(dst); err == nil {
		return dst, os.Remove(tmp.Name())
	}
	return dst, os.Rename(tmp.Name(), dst) // no diagnostic: the name is the digest of what io.Copy wrote through the MultiWriter
}

func putHashedWrite(dir string, data []byte) error {
	h := sha256.New()
	h.Write(data)
	dst := dir + "/" + base64.RawURLEncoding.EncodeToString(h.Sum(nil))
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst) // no diagnostic: the hash was fed the bytes os.WriteFile wrote
}

// The name is a digest of the key, not of the content: two writers of one
// key may write different bytes, and the later silently replaces the
// other, where the function promises to refuse the second.
func putByKey(dir, key string, data []byte) error {
	sum := sha256.Sum256([]byte(key))
	dst := filepath.Join(dir, hex.EncodeToString(sum[:]))
	if _, err := os.Stat(dst); err == nil {
		return errStored
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst) // want `os.Rename renames onto dst after os.Stat found it absent`
}

// The digest is of the bytes, but they are only hashed, not written: what
// is renamed into place is another file.
func hashedNotWritten(dir, src string, data []byte) error {
	h := sha256.New()
	h.Write(data)
	dst := filepath.Join(dir, hex.EncodeToString(h.Sum(nil)))
	if _, err := os.Stat(dst); err == nil {
		return errStored
	}
	return os.Rename(src, dst) // want `os.Rename renames onto dst after os.Stat found it absent`
}

var errInvalidDigest = errors.New("invalid digest")

// errStored is the error of a store that refuses a name already taken.
// A store that instead takes the existing file for its result (returns
// nil) is its own idempotence, not reported (donestore.go).
var errStored = errors.New("already stored")

// blobPath names a blob by its digest ("sha256:<hex>"), through a helper
// that validates it and spells it for a file name (ollama's BlobsPath).
func blobPath(digest string) (string, error) {
	if !regexp.MustCompile("^sha256:[0-9a-f]{64}$").MatchString(digest) {
		return "", errInvalidDigest
	}
	return filepath.Join(os.Getenv("MODELS"), "blobs", strings.ReplaceAll(digest, ":", "-")), nil
}

func newLayer(r io.Reader) error {
	temp, err := os.CreateTemp(os.Getenv("MODELS"), "sha256-")
	if err != nil {
		return err
	}
	defer temp.Close()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(temp, h), r); err != nil {
		return err
	}
	blob, err := blobPath(fmt.Sprintf("sha256:%x", h.Sum(nil)))
	if err != nil {
		return err
	}
	if _, err := os.Stat(blob); err != nil {
		return os.Rename(temp.Name(), blob) // no diagnostic: the helper names the blob by the digest of what io.Copy wrote
	}
	return nil
}

// Through the same helper, a digest of the key: an ordinary race.
func layerByKey(key string, data []byte) error {
	blob, err := blobPath(fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(key))))
	if err != nil {
		return err
	}
	if _, err := os.Stat(blob); err != nil {
		tmp := blob + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, blob) // want `os.Rename renames onto blob after os.Stat found it absent`
	}
	return errStored
}

// A helper that names the file by its argument on one path and by
// something else on another does not make a content-addressed name.
func pickPath(digest string, legacy bool) string {
	if legacy {
		return filepath.Join(os.Getenv("MODELS"), "legacy.bin")
	}
	return filepath.Join(os.Getenv("MODELS"), digest)
}

func putPicked(r io.Reader, legacy bool) error {
	temp, err := os.CreateTemp(os.Getenv("MODELS"), "put-")
	if err != nil {
		return err
	}
	defer temp.Close()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(temp, h), r); err != nil {
		return err
	}
	dst := pickPath(hex.EncodeToString(h.Sum(nil)), legacy)
	if _, err := os.Stat(dst); err != nil {
		return os.Rename(temp.Name(), dst) // want `os.Rename renames onto dst after os.Stat found it absent`
	}
	return errStored
}
