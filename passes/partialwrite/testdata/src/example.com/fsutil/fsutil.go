// Package fsutil holds helpers that other packages call: partialwrite
// learns what they do through facts.
package fsutil

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Load returns what it read from path: a read wrapper.
func Load(path string) ([]byte, error) { // want Load:"reads path param 0"
	return os.ReadFile(filepath.Clean(path))
}

// Config is a file-backed configuration.
type Config struct {
	Count int
	Name  string
}

// LoadInto fills *c from path: a read wrapper through a pointer.
func LoadInto(path string, c *Config) error { // want LoadInto:"reads path param 0"
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, c)
}

// Size reads path but returns nothing of its content.
func Size(path string) (int, error) {
	data, err := os.ReadFile(path)
	return len(data), err
}

// Save truncates and rewrites path: a write wrapper.
func Save(path string, data []byte) error { // want Save:"rewrites path param 0"
	return os.WriteFile(path, data, 0o644)
}

// SaveConfig writes through a wrapper of its own.
func SaveConfig(path string, c *Config) error { // want SaveConfig:"rewrites path param 0"
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return Save(path, data)
}

// Append adds to path without truncating it: no write wrapper.
func Append(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Replace renames from onto to: a rename wrapper.
func Replace(from, to string) error { // want Replace:"renames path param 0 onto path param 1"
	return os.Rename(from, to)
}

// TempFile returns a new file in dir: a create wrapper.
func TempFile(dir string) (*os.File, error) { // want TempFile:"returns a new file as result 0"
	return os.CreateTemp(dir, ".tmp-*")
}

// WriteAtomic is the safe sequence: it is no write wrapper, since it
// never truncates path, and nothing in it is reported.
func WriteAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path) // no diagnostic: the safe sequence
}

// CopyFile truncates and rewrites dst with src's content: a write wrapper.
func CopyFile(src, dst string) error { // want CopyFile:"rewrites path param 1"
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o600)
}

// WriteWithBackup replaces path by rename and rewrites it in place only
// to put the backup back when the rename failed, on the way to returning
// that error (ollama's writeWithBackup): callers see a failure, the
// function is no write wrapper.
func WriteWithBackup(path string, data []byte) error {
	var backup string
	if _, err := os.Stat(path); err == nil {
		backup = filepath.Join(os.TempDir(), filepath.Base(path)+".bak")
		if err := CopyFile(path, backup); err != nil {
			return fmt.Errorf("backup failed: %w", err)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		if backup != "" {
			_ = CopyFile(backup, path)
		}
		return fmt.Errorf("rename failed: %w", err)
	}
	return nil
}

// Parse reads name only when the caller passes no content: it is no
// read wrapper.
func Parse(name string, content []byte) ([]byte, error) {
	if content == nil {
		return os.ReadFile(name)
	}
	return content, nil
}

// Store keeps files under a directory; its methods take names.
type Store struct{ Dir string }

// Get is a read wrapper method: parameter 0 is the receiver.
func (s *Store) Get(name string) ([]byte, error) { // want Get:"reads path param 1"
	return os.ReadFile(name)
}

// Put is a write wrapper method.
func (s *Store) Put(name string, data []byte) error { // want Put:"rewrites path param 1"
	return os.WriteFile(name, data, 0o600)
}

// Bump does its read-modify-write itself: it is reported here, and its
// callers pass it no content.
func Bump(path string) error { // want Bump:"rewrites path param 0"
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '+'), 0o644) // want `os.WriteFile rewrites path in place after os.ReadFile read it`
}

// MustReplace renames and panics on failure: a rename wrapper without
// results.
func MustReplace(from, to string) { // want MustReplace:"renames path param 0 onto path param 1"
	if err := os.Rename(from, to); err != nil {
		panic(err)
	}
}

// Edit rewrites path and returns what it wrote: it reads and rewrites its
// file (and is reported inside).
func Edit(path string) ([]byte, error) { // want Edit:"reads path param 0, rewrites path param 0"
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = append(data, '\n')
	return data, os.WriteFile(path, data, 0o644) // want `os.WriteFile rewrites path in place after os.ReadFile read it`
}
