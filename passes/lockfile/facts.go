package lockfile

import (
	"fmt"
	"strings"
)

// LockFact describes what a function of the analyzed code does with lock
// files named by its parameters: it acquires one (creates it exclusively
// and reports success through its results, keeping the file for its
// caller), or it releases one (removes the file a parameter names). Both
// are learned from the function's body, so that callers in any package
// see calls to it as acquisitions and releases.
type LockFact struct {
	Acquire *Acquire  // nil when the function acquires no lock for its caller
	Release []PathRef // the lock files the function removes, sorted
}

// AFact marks LockFact as an analysis fact.
func (*LockFact) AFact() {}

// String is the fact as analysistest expectations spell it.
func (f *LockFact) String() string {
	var parts []string
	if a := f.Acquire; a != nil {
		s := "acquires the lock file at " + a.Path.String()
		switch {
		case a.Ok >= 0:
			s += fmt.Sprintf("; result %d true means acquired", a.Ok)
		case a.Err >= 0:
			s += fmt.Sprintf("; error result %d nil means acquired", a.Err)
		}
		if a.ReleaseFunc >= 0 {
			s += fmt.Sprintf("; result %d releases it", a.ReleaseFunc)
		}
		if a.Handle >= 0 {
			s += fmt.Sprintf("; result %d holds it", a.Handle)
		}
		if a.OpaqueHeld {
			s += "; a bare error when held"
		}
		parts = append(parts, s)
	}
	for _, r := range f.Release {
		parts = append(parts, "releases the lock file at "+r.String())
	}
	return strings.Join(parts, ", ")
}

// PathRef names a path through a parameter: the parameter itself (a
// string), or a field of it (a lock type's path field, l.path).
type PathRef struct {
	Param int    // index among the parameters, receiver first
	Field string // "" for the parameter itself
}

// String names the parameter, and the field.
func (r PathRef) String() string {
	if r.Field == "" {
		return fmt.Sprintf("param %d", r.Param)
	}
	return fmt.Sprintf("param %d field %s", r.Param, r.Field)
}

// less orders references by parameter, then field.
func (r PathRef) less(s PathRef) bool {
	if r.Param != s.Param {
		return r.Param < s.Param
	}
	return r.Field < s.Field
}

// Acquire describes how an acquiring function reports success.
type Acquire struct {
	Path PathRef
	// Ok is the index of a boolean result that is true only when the
	// function created the lock file, or -1.
	Ok int
	// Err is the index of the error result, or -1. When Ok < 0, a nil
	// error means the function created the lock file; in any case a
	// non-nil error means the caller does not hold it.
	Err int
	// ReleaseFunc is the index of a func() result that removes the lock
	// file, or -1.
	ReleaseFunc int
	// Handle is the index of a result that holds the lock file open (its
	// *os.File, or a value of a lock type), or -1.
	Handle int
	// OpaqueHeld is set when the error the function returns if the lock
	// is held names no path (a bare fs.ErrExist, or an errno), and the
	// function itself is not reported for it.
	OpaqueHeld bool
}
