package fixes

import (
	"errors"
	"fmt"
	"os"
)

var errHeld = errors.New("held")

func lockWithWriteFile(lockPath string) error {
	if _, statErr := os.Stat(lockPath); statErr == nil {
		return errHeld
	}
	if err := os.WriteFile(lockPath, []byte("pid"), 0o600); err != nil { // want `os.WriteFile creates lockPath after os.Stat found it absent`
		return err
	}
	return nil
}

func createIfAbsent(p string) (*os.File, error) {
	if _, err := os.Stat(p); err == nil {
		return nil, errHeld
	}
	return os.Create(p) // want `os.Create creates p after os.Stat found it absent`
}

func openFileIfAbsent(p string) (*os.File, error) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return os.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o600) // want `os.OpenFile creates p after os.Stat found it absent`
	}
	return nil, errHeld
}

func mkdirIfAbsent(d string) error {
	if _, err := os.Stat(d); os.IsNotExist(err) {
		if err := os.Mkdir(d, 0o700); err != nil { // want `os.Mkdir makes d after os.Stat found it absent`
			return err
		}
	}
	return nil
}

func removeIfPresent(p string) error {
	if _, err := os.Stat(p); err == nil {
		if err := os.Remove(p); err != nil { // want `os.Remove removes p after os.Stat found it present`
			return err
		}
	}
	return nil
}

func removeIgnoringError(p string) {
	if _, err := os.Stat(p); err == nil {
		os.Remove(p) // no diagnostic: the error is discarded, so a vanished file is the skip's outcome
	}
}

func readIfPresent(p string) ([]byte, error) {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return nil, nil
	}
	data, err := os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present`
	if err != nil {
		return nil, err
	}
	return data, nil
}

// No fix: the check's result is used in the body.
func readUsingInfo(p string) ([]byte, error) {
	if fi, err := os.Stat(p); err == nil && fi.Size() > 0 {
		return os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present`
	}
	return nil, nil
}

// ---- the WriteFile fix, by the shape of the call's statement

func writeReturn(p string, data []byte) (err error) {
	if _, err := os.Stat(p); err == nil {
		return errHeld
	}
	f := "taken" // f and the named result err are taken: the fix picks other names
	_ = f
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func writeDefine(p string, data []byte) error {
	if _, statErr := os.Stat(p); statErr == nil {
		return errHeld
	}
	err := os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
	return err
}

func writeAssign(p string, data []byte) error {
	var err error
	if _, err = os.Stat(p); err == nil {
		return errHeld
	}
	err = os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
	return err
}

func writeElseIf(p string, data []byte, ok bool) error {
	if _, statErr := os.Stat(p); statErr == nil {
		return errHeld
	}
	if ok {
		return nil
	} else if err := os.WriteFile(p, data, 0o600); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		return err // no fix: the else-if's err cannot move out
	}
	return nil
}

func writeErrInScope(p string, data []byte) error {
	_, err := os.Stat(p)
	if err == nil {
		return errHeld
	}
	if err := os.WriteFile(p, data, 0o600); err != nil { // want `os.WriteFile creates p after os.Stat found it absent`
		return err // no fix: moved out, this err would shadow the other
	}
	return err
}

func writeComputed(p string, s fmt.Stringer) error {
	if _, err := os.Stat(p); err == nil {
		return errHeld
	}
	return os.WriteFile(p, []byte(s.String()), 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func writeStatement(p string, data []byte) {
	if _, err := os.Stat(p); err == nil {
		return
	}
	os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

// ---- wrong fixes withheld: reported, but no O_EXCL fix (no golden change)

// The error path removes the file: with O_EXCL, a create that fails because
// another process made the file would delete that process's file.
func createRemovesOnError(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	f, err := os.Create(p) // want `os.Create creates p after os.Stat found it absent`
	if err != nil {
		os.Remove(p)
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	return f.Close()
}

// An empty marker written with WriteFile: two runs race harmlessly, and
// O_EXCL would make the second one fail.
func emptyMarkerWriteFile(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, nil, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

func emptyMarkerBytes(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, []byte{}, 0o644) // want `os.WriteFile creates p after os.Stat found it absent`
}

// An empty marker made with Create and closed with nothing written.
func emptyMarkerCreate(p string) error {
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		return nil
	}
	f, err := os.Create(p) // want `os.Create creates p after os.Stat found it absent`
	if err != nil {
		return err
	}
	return f.Close()
}

// An empty file whose presence is a failure ("held") is a lock, not a
// marker: the second run is meant to fail, and the fix is offered.
func emptyLock(lockPath string) error {
	if _, err := os.Stat(lockPath); err == nil {
		return errHeld
	}
	return os.WriteFile(lockPath, nil, 0o600) // want `os.WriteFile creates lockPath after os.Stat found it absent`
}

// The Mkdir is an exclusive claim of the name: the check's present branch
// fails, so os.MkdirAll, which succeeds on an existing directory, would let
// two claims of one id both succeed. The race is reported, with no fix.
func claimDir(id string) error {
	if _, err := os.Stat(id); err == nil {
		return fmt.Errorf("%s: already exists", id)
	}
	return os.Mkdir(id, 0o700) // want `os.Mkdir makes id after os.Stat found it absent`
}
