// Package app calls the ten-deep helper chains of package mid, once for
// each file check, each case ending in that check's own bad shape. The
// comment "// chain: NAME PATH" marks the line where check NAME must
// report, and PATH is how its message must name the path;
// no check reports anywhere else.
package app

import (
	"errors"
	"os"

	"example.com/chain/mid"
)

var errBusy = errors.New("busy")

// pathrace: stat, then create through the chain.
func takeLock(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return errBusy
	}
	return mid.Write(lockPath, []byte("pid")) // chain: pathrace lockPath
}

// tempname: a fixed name in the shared temporary directory, created
// through the chain without O_EXCL.
func writePid() error {
	return mid.Write("/tmp/app.pid", []byte("pid")) // chain: tempname "/tmp/app.pid"
}

// partialwrite: read, then rewrite in place through the chain.
func bump(statePath string) error {
	data, err := os.ReadFile(statePath)
	if err != nil {
		return err
	}
	return mid.Write(statePath, append(data, '\n')) // chain: partialwrite statePath
}

// byname: chmod by name while the file the chain opened is open.
func chmodOpen(dataPath string) error {
	f, err := mid.Lock(dataPath)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(dataPath, 0o600) // chain: byname dataPath
}

// lockfile: a lock acquired through the chain, left behind on one path.
func leakLock(lockPath string, work func() error) error {
	f, err := mid.Lock(lockPath)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := work(); err != nil {
		return err // chain: lockfile lockPath
	}
	return os.Remove(lockPath)
}
