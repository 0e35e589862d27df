// Package fixes holds the released-on-some-paths cases whose fix is
// checked against fixes.go.golden.
package fixes

import (
	"log"
	"os"

	"example.com/iox"
)

func work() error { return nil }

func removeBeforeReturn(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath) // released
	return nil
}

func voidEnd(lockPath string) {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		log.Print(err)
		return
	}
	f.Close()
	if err := work(); err != nil {
		panic(err) // want `panic leaves lock file lockPath behind`
	}
	_ = os.Remove(lockPath)
}

func moveLateDefer(lockPath string, dryRun bool) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if dryRun {
		return f.Close() // want `return leaves lock file lockPath behind`
	}
	defer os.Remove(lockPath)
	defer f.Close()
	return work()
}

func linkInIf(tmp, lockPath string) error {
	if err := os.Link(tmp, lockPath); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath)
	return nil
}

func tryLock(lockPath string) error {
	ok, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil {
		return err
	}
	if !ok {
		return iox.ErrLocked
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath)
	return nil
}

// ---- reported, but no fix: the shape is not clear

func returnsRemoval(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	return os.Remove(lockPath) // no diagnostic: its error is the function's result, so no fix can drop it
}

func unlockWrapper(lockPath string) error {
	ok, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil || !ok {
		return iox.ErrLocked
	}
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	iox.SafeUnlock(lockPath) // no diagnostic: released through a wrapper, which the fix would not merge
	return nil
}

func inLoop(paths []string) error {
	for _, p := range paths {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		f.Close()
		if err := work(); err != nil {
			return err // want `return leaves lock file p behind`
		}
		os.Remove(p) // no diagnostic: a defer in a loop runs only at the end
	}
	return nil
}

func handedOver(lockPath string, keep bool) (*os.File, error) {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if keep {
		return f, nil // no diagnostic: handed to the caller
	}
	if err := work(); err != nil {
		return nil, err // want `return leaves lock file lockPath behind`
	}
	f.Close()
	os.Remove(lockPath)
	return nil, nil
}

func notRightAfter(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err // want `return leaves lock file lockPath behind`
	}
	os.Remove(lockPath) // no diagnostic: more work follows the removal, so a deferred removal would hold the lock longer
	log.Print("released")
	return nil
}
