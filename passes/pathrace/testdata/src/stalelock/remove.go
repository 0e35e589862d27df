package stalelock

import "os"

func takeOverRemove(lock string) error {
	if exists(lock) {
		if !stale(lock) {
			return errBusy
		}
		os.Remove(lock)
	}
	data := pid()
	return os.WriteFile(lock, data, 0o600) // want `os.WriteFile creates lock after stalelock.exists found it absent or stale`
}
