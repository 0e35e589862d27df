package oneleak

import "os"

const excl = os.O_WRONLY | os.O_CREATE | os.O_EXCL

func step(int) error { return nil }

// threeEarlyReturns: one acquisition, three early returns that leak it.
// It is one race: reported once, at the first leaking return, with the
// other two as related locations.
func threeEarlyReturns(lockPath string) error {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := step(1); err != nil {
		return err // want `return leaves lock file lockPath behind after os.OpenFile acquired it`
	}
	if err := step(2); err != nil {
		return err // no diagnostic: the same leak, a related location of the report above
	}
	if err := step(3); err != nil {
		return err // no diagnostic: the same leak again
	}
	return os.Remove(lockPath)
}
