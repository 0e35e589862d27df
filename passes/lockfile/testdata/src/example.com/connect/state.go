// Package connect is the founding case after its fix
// (seeds/connect-sync-lock-toctou-pr.txt): the sync lock is acquired with
// SafeTryLock, in another package, released by a function returned to
// the caller, which defers it.
package connect

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"example.com/iox"
)

type state struct{ LastSequence int }

func contextDir() string { return ".context" }

// loadState is the fixed code of the pull request, verbatim in shape. The
// lock is released on every path: by release() on the read and decode
// errors, by the caller through the returned release on success. Its
// !acquired return is the review's finding 1: a bare os.ErrExist.
func loadState() (state, func(), error) {
	var s state
	hubDir := filepath.Join(contextDir(), "hub")
	lockPath := filepath.Join(hubDir, ".sync.lock")
	statePath := filepath.Join(hubDir, ".sync-state.json")

	acquired, lockErr := iox.SafeTryLock(lockPath, 0o600)
	if lockErr != nil {
		return s, nil, lockErr // no diagnostic: SafeTryLock said it failed, and its error names the file
	}
	if !acquired {
		return s, nil, os.ErrExist // want `return gives os.ErrExist when lock file lockPath is held; the user sees only "file already exists"`
	}

	release := func() {
		if unlockErr := iox.SafeUnlock(lockPath); unlockErr != nil {
			log.Printf("warning: releasing %s: %v", lockPath, unlockErr)
		}
	}

	data, readErr := os.ReadFile(statePath)
	if readErr != nil && !os.IsNotExist(readErr) {
		release()
		return s, nil, readErr // no diagnostic: released just before
	}
	if readErr == nil {
		if jsonErr := json.Unmarshal(data, &s); jsonErr != nil {
			release()
			return s, nil, jsonErr // no diagnostic: released just before
		}
	}
	return s, release, nil // no diagnostic: the caller releases it
}

// Run defers the release it gets.
func Run() error {
	syncState, releaseLock, stateErr := loadState()
	if stateErr != nil {
		return stateErr
	}
	defer releaseLock()
	_ = syncState
	return nil // no diagnostic: the deferred release runs
}

// loadStateWrapped is loadState after the review's follow-up: the held
// lock's error names the file.
func loadStateWrapped() (state, func(), error) {
	var s state
	lockPath := filepath.Join(contextDir(), "hub", ".sync.lock")
	acquired, lockErr := iox.SafeTryLock(lockPath, 0o600)
	if lockErr != nil {
		return s, nil, lockErr
	}
	if !acquired {
		return s, nil, fmt.Errorf("%s is held by another sync, or is stale from a crash: remove it if no sync runs: %w", lockPath, os.ErrExist) // no diagnostic: wrapped with the path
	}
	release := func() { iox.SafeUnlock(lockPath) }
	data, err := os.ReadFile(filepath.Join(contextDir(), "hub", ".sync-state.json"))
	if err != nil {
		release()
		return s, nil, err
	}
	if err := json.Unmarshal(data, &s); err != nil {
		release()
		return s, nil, err
	}
	return s, release, nil
}

// loadStateLeaky forgets the release on the decode error: the review's
// TestLoadState_ReleasesLockOnCorruptState would catch it.
func loadStateLeaky() (state, func(), error) {
	var s state
	lockPath := filepath.Join(contextDir(), "hub", ".sync.lock")
	acquired, lockErr := iox.SafeTryLock(lockPath, 0o600)
	if lockErr != nil || !acquired {
		return s, nil, fmt.Errorf("sync lock %s: %w", lockPath, os.ErrExist)
	}
	release := func() { iox.SafeUnlock(lockPath) }
	data, err := os.ReadFile(filepath.Join(contextDir(), "hub", ".sync-state.json"))
	if err != nil {
		release()
		return s, nil, err
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return s, nil, err // want `return leaves lock file lockPath behind after iox.SafeTryLock acquired it; later runs will find the lock held forever`
	}
	return s, release, nil
}

// loadStateAt takes the lock path as a parameter: it is an acquiring
// function itself, whose callers get a release function.
func loadStateAt(lockPath string) (state, func(), error) {
	var s state
	acquired, err := iox.SafeTryLock(lockPath, 0o600)
	if err != nil {
		return s, nil, err
	}
	if !acquired {
		return s, nil, fmt.Errorf("%s is held: %w", lockPath, os.ErrExist)
	}
	return s, func() { iox.SafeUnlock(lockPath) }, nil
}

// RunAt forgets to release when the state is empty.
func RunAt(lockPath string) error {
	s, release, err := loadStateAt(lockPath)
	if err != nil {
		return err
	}
	if s.LastSequence == 0 {
		return nil // want `return leaves lock file lockPath behind after connect.loadStateAt acquired it`
	}
	release()
	return nil
}

// RunAtDeferred defers the release.
func RunAtDeferred(lockPath string) error {
	s, release, err := loadStateAt(lockPath)
	if err != nil {
		return err // no diagnostic: not acquired
	}
	defer release()
	if s.LastSequence == 0 {
		return nil // no diagnostic: the deferred release runs
	}
	return nil
}
