package effects

import (
	"fmt"
	"slices"

	"github.com/toctou/toctou/internal/fsops"
)

// Polarity is what a branch says about a checked path.
type Polarity uint8

const (
	Unknown Polarity = iota
	Present          // the check found the path (or approved it)
	Absent           // the check found nothing there
)

func (p Polarity) String() string {
	switch p {
	case Present:
		return "present"
	case Absent:
		return "absent"
	}
	return "unknown"
}

// Not is the other outcome.
func (p Polarity) Not() Polarity {
	switch p {
	case Present:
		return Absent
	case Absent:
		return Present
	}
	return Unknown
}

// Exists says that a function's result reports on one of its path
// parameters (Fact.Exists), like
//
//	func exists(p string) bool { _, err := os.Stat(p); return err == nil }
//
// Calls to it are checks of that path.
type Exists struct {
	Param     int         // index of the path parameter (receiver first, for methods)
	Result    int         // index of the result that reports
	ErrResult bool        // the result is the check's error, not a boolean
	TrueMeans Polarity    // for a boolean result: what true says
	Kind      fsops.Check // the underlying check
	// FS is 1 + the index of the file-system parameter the check goes
	// through (exists(fsys fs.FS, p string)); 0 for the os namespace.
	FS int
}

func (f *Exists) String() string {
	if f.FS > 0 {
		return fmt.Sprintf("%s through param %d", f.string(), f.FS-1)
	}
	return f.string()
}

func (f *Exists) string() string {
	if f.ErrResult {
		return fmt.Sprintf("checks path param %d (error result %d)", f.Param, f.Result)
	}
	return fmt.Sprintf("checks path param %d (result %d true if %s)", f.Param, f.Result, f.TrueMeans)
}

// ParamUse is one parameter and what the function does to the file it
// names by name (Fact.Uses), like a SafeWriteFile(path, data, perm)
// wrapper: a call of it is a use of that path.
type ParamUse struct {
	Param int
	Op    fsops.Op
	// Absent says the function returns only zero values (or nothing) when
	// the operation fails, whatever the error: the result of a missing
	// file is the function's "nothing", the result a presence check in
	// the caller would have chosen, so a read through it is no
	// read-if-present race.
	Absent bool
	// FS is 1 + the index of the file-system parameter the operation
	// goes through (a wrapper of fsys.Create(p)); 0 for the os namespace.
	FS int
}

func (u ParamUse) String() string {
	s := fmt.Sprintf("%s path param %d", OpVerb(u.Op), u.Param)
	if u.Absent {
		s += " (nothing on error)"
	}
	if u.FS > 0 {
		s += fmt.Sprintf(" through param %d", u.FS-1)
	}
	return s
}

// addUse adds u to f.Uses, sorted by Param, then Op, and reports whether
// it is new.
func (f *Fact) addUse(u ParamUse) bool {
	if slices.Contains(f.Uses, u) {
		return false
	}
	f.Uses = append(f.Uses, u)
	slices.SortFunc(f.Uses, func(a, b ParamUse) int {
		if a.Param != b.Param {
			return a.Param - b.Param
		}
		if a.Op != b.Op {
			return int(a.Op) - int(b.Op)
		}
		if a.Absent != b.Absent {
			return boolInt(a.Absent) - boolInt(b.Absent)
		}
		return a.FS - b.FS
	})
	return true
}

// OpVerb is the verb a message uses for an operation.
func OpVerb(op fsops.Op) string {
	switch op {
	case fsops.OpRead:
		return "opens"
	case fsops.OpWrite:
		return "writes"
	case fsops.OpCreate:
		return "creates"
	case fsops.OpRemove:
		return "removes"
	case fsops.OpMkdir:
		return "makes"
	case fsops.OpLinkNew:
		return "links"
	case fsops.OpLinkOld:
		return "links from"
	case fsops.OpRenameSrc:
		return "renames"
	case fsops.OpRenameDst:
		return "renames onto"
	case fsops.OpModify:
		return "changes"
	}
	return "uses"
}

// Racy reports whether an operation acts on a name in a way a check can
// race with; exclusive creates, MkdirAll and RemoveAll decide by themselves.
func Racy(op fsops.Op) bool {
	switch op {
	case fsops.OpNone, fsops.OpExclCreate, fsops.OpRemoveAll, fsops.OpMkdirAll, fsops.OpOpenFlags:
		return false
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
