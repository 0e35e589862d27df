// Package tmpfs has renames without Sync onto destinations on a tmpfs
// (/run, /var/run, /dev/shm, $XDG_RUNTIME_DIR), where nothing survives
// the reboot that would find the file half written, beside the same
// renames onto directories that survive one.
package tmpfs

import (
	"fmt"
	"os"
	"path/filepath"
)

func runState(data []byte) error {
	dst := "/run/app/state.json"
	f, err := os.CreateTemp("/run/app", ".state-*")
	if err != nil {
		return err
	}
	f.Write(data)
	f.Close()
	return os.Rename(f.Name(), dst) // no diagnostic: /run is a tmpfs; the reboot after a crash empties it anyway
}

func varRunPid(pid int) error {
	tmp := "/var/run/app.pid.tmp"
	if err := os.WriteFile(tmp, []byte(fmt.Sprint(pid)), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, "/var/run/app.pid") // no diagnostic: /var/run is /run
}

func shm(name string, data []byte) error {
	tmp := filepath.Join("/dev/shm", name+".tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join("/dev/shm", name)) // no diagnostic: /dev/shm is a tmpfs
}

func runtimeDir(data []byte) error {
	dir := os.Getenv("XDG_RUNTIME_DIR")
	tmp := filepath.Join(dir, "app.sock.info.tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "app.sock.info")) // no diagnostic: $XDG_RUNTIME_DIR is a tmpfs that ends with the session
}

func runUser(uid int, data []byte) error {
	dst := fmt.Sprintf("/run/user/%d/app/state", uid)
	tmp := dst + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, dst) // no diagnostic: /run/user/UID is a tmpfs
}

// The nearest shapes: root's and the user's persistent directories.

func varLib(data []byte) error {
	tmp := "/var/lib/app/state.tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, "/var/lib/app/state") // want `os.Rename moves tmp onto "/var/lib/app/state" with no Sync since os.WriteFile wrote it`
}

func runner(data []byte) error {
	tmp := "/runner/state.tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, "/runner/state") // want `os.Rename moves tmp onto "/runner/state" with no Sync since os.WriteFile wrote it`
}

func stateHome(data []byte) error {
	dir := os.Getenv("XDG_STATE_HOME")
	tmp := filepath.Join(dir, "app.tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "app")) // want `os.Rename moves tmp onto filepath.Join\(dir, "app"\) with no Sync since os.WriteFile wrote it`
}

// A tmpfs source does not make the destination one.
func fromRunToEtc(data []byte) error {
	tmp := "/run/app/conf.tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, "/etc/app/conf") // want `os.Rename moves tmp onto "/etc/app/conf" with no Sync since os.WriteFile wrote it`
}
