// Package b calls fsutil's helpers: the reads, writes, creates and
// renames partialwrite finds here are known only through facts.
package b

import (
	"encoding/json"
	"os"
	"path/filepath"

	"example.com/fsutil"
)

func bumpThroughWrappers(p string) error {
	data, err := fsutil.Load(p)
	if err != nil {
		return err
	}
	return fsutil.Save(p, append(data, '\n')) // want `fsutil.Save rewrites p in place after fsutil.Load read it`
}

func loadThenWriteFile(p string) error {
	data, err := fsutil.Load(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data[1:], 0o644) // want `os.WriteFile rewrites p in place after fsutil.Load read it`
}

func readFileThenSave(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var c fsutil.Config
	if err := json.Unmarshal(data, &c); err != nil {
		return err
	}
	c.Count++
	return fsutil.SaveConfig(p, &c) // want `fsutil.SaveConfig rewrites p in place after os.ReadFile read it`
}

func loadIntoThenSave(dir string) error {
	p := filepath.Join(dir, "config.json")
	var c fsutil.Config
	if err := fsutil.LoadInto(p, &c); err != nil {
		return err
	}
	c.Name = "x"
	return fsutil.SaveConfig(filepath.Join(dir, "config.json"), &c) // want `fsutil.SaveConfig rewrites filepath.Join\(dir, "config.json"\) in place after fsutil.LoadInto read it`
}

func storeGetPut(s *fsutil.Store, name string) error {
	data, err := s.Get(name)
	if err != nil {
		return err
	}
	return s.Put(name, append(data, 'x')) // want `\(\*Store\).Put rewrites name in place after \(\*Store\).Get read it`
}

func loadThenAtomic(p string) error {
	data, err := fsutil.Load(p)
	if err != nil {
		return err
	}
	return fsutil.WriteAtomic(p, append(data, '\n')) // no diagnostic: WriteAtomic replaces p by rename
}

func loadThenWriteWithBackup(p string) error {
	data, err := fsutil.Load(p)
	if err != nil {
		return err
	}
	return fsutil.WriteWithBackup(p, append(data, '\n')) // no diagnostic: the in-place write only restores the backup after a failed rename
}

func loadThenAppend(p string) error {
	data, err := fsutil.Load(p)
	if err != nil {
		return err
	}
	return fsutil.Append(p, data[:1]) // no diagnostic: Append adds with O_APPEND
}

func sizeThenSave(p string, data []byte) error {
	n, err := fsutil.Size(p)
	if err != nil || n == len(data) {
		return err
	}
	return fsutil.Save(p, data) // no diagnostic: Size returns nothing of the content
}

func parseThenSave(p string, content []byte) error {
	data, err := fsutil.Parse(p, content)
	if err != nil {
		return err
	}
	return fsutil.Save(p, data) // no diagnostic: Parse reads p only when content is nil
}

func readThenBump(p string) error {
	if _, err := os.ReadFile(p); err != nil {
		return err
	}
	return fsutil.Bump(p) // no diagnostic: nothing this function read is written
}

// ---- renames and creates through wrappers

func replaceWithoutSync(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return fsutil.Replace(f.Name(), dst) // want `fsutil.Replace moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func wrapperTempWithoutSync(dst string, data []byte) error {
	f, err := fsutil.TempFile(filepath.Dir(dst))
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename moves f.Name\(\) onto dst with no Sync since fsutil.TempFile made it`
}

func wrapperTempSynced(dst string, data []byte) error {
	f, err := fsutil.TempFile(filepath.Dir(dst))
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return fsutil.Replace(f.Name(), dst) // no diagnostic: synced before the rename
}

func replaceOther(src, dst string) error {
	return fsutil.Replace(src, dst) // no diagnostic: src is no file this function made
}

func mustReplaceFromTemp(dst string, data []byte) {
	f, err := os.CreateTemp("", "tmp")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	f.Write(data)
	f.Sync()
	fsutil.MustReplace(f.Name(), dst) // want `fsutil.MustReplace moves f.Name\(\) onto dst after os.CreateTemp made it in the shared temporary directory`
}

func mustReplaceUnsyncedDeferred(dst string, data []byte) {
	f, err := os.CreateTemp(filepath.Dir(dst), "tmp")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	f.Write(data)
	fsutil.MustReplace(f.Name(), dst) // want `fsutil.MustReplace moves f.Name\(\) onto dst with no Sync since os.CreateTemp made it`
}

func editOnce(p string) ([]byte, error) {
	return fsutil.Edit(p) // no diagnostic: one call reads and rewrites; Edit is reported inside
}

func editTwice(p string) error {
	data, err := fsutil.Edit(p)
	if err != nil {
		return err
	}
	_, err = fsutil.Edit(p)
	return fsutil.Save(p, append(data, '!')) // want `fsutil.Save rewrites p in place after fsutil.Edit read it`
}
