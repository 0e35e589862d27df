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
	"fmt"
	"io"
	"os"
	"path/filepath"
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
// key may write different bytes, and the later silently replaces the other.
func putByKey(dir, key string, data []byte) error {
	sum := sha256.Sum256([]byte(key))
	dst := filepath.Join(dir, hex.EncodeToString(sum[:]))
	if _, err := os.Stat(dst); err == nil {
		return nil
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
		return nil
	}
	return os.Rename(src, dst) // want `os.Rename renames onto dst after os.Stat found it absent`
}
