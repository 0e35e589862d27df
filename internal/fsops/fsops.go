// Package fsops is toctou's knowledge of the file-system operations of the
// standard library and golang.org/x/sys/unix: which functions take a path,
// at which argument, and what they do to it.
//
// The table is keyed by package path and function name, so that results
// do not depend on analysis facts for the standard library (a driver such
// as Bazel's nogo may provide none).
package fsops

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Op is what an operation does to the file a path names.
type Op uint8

const (
	OpNone       Op = iota
	OpRead          // opens or reads an existing file (os.Open, os.ReadFile)
	OpWrite         // opens an existing file for writing, without creating it
	OpCreate        // creates the file or truncates an existing one (os.Create, os.WriteFile)
	OpExclCreate    // creates the file only if it does not exist (O_CREATE|O_EXCL)
	OpRemove        // removes the name (os.Remove); fails if absent
	OpRemoveAll     // removes the name, succeeding if absent (os.RemoveAll)
	OpMkdir         // makes a directory; fails if the name exists (os.Mkdir)
	OpMkdirAll      // makes a directory, succeeding if it exists (os.MkdirAll)
	OpLinkNew       // makes a new name, failing if it exists (os.Symlink, os.Link new name)
	OpLinkOld       // reads an existing name to link it (os.Link old name)
	OpRenameSrc     // renames the file away (os.Rename old name)
	OpRenameDst     // replaces whatever the name holds (os.Rename new name)
	OpModify        // changes mode, owner, times or size by name (os.Chmod, os.Truncate)
	OpOpenFlags     // opens with flags that decide what it does; see Classify
)

// Check is how a function inspects a path without acting on it.
type Check uint8

const (
	CheckNone    Check = iota
	CheckStat          // os.Stat and friends: error says whether the name exists
	CheckLstat         // os.Lstat: as Stat, without following a final symbolic link
	CheckAccess        // access(2): error says whether the caller may use the file
	CheckReadDir       // os.ReadDir used for its error: whether the directory exists
	CheckGlob          // filepath.Glob: an empty result says nothing matched
)

// PathArg describes one path argument of a function.
type PathArg struct {
	Index int // argument index (receivers are not counted: these are all functions)
	Op    Op
	Flag  int // for OpOpenFlags: index of the flag argument
	// Variadic: the argument at Index is a function's variadic
	// parameter, and each of its elements is a path (LookupLibrary).
	Variadic bool
}

// Attr is the attribute of a file that an operation by name changes
// (OpModify) or reads (a Stat check): what the same call on an open
// handle would do instead, for the checks that ask (byname).
type Attr uint8

const (
	AttrNone  Attr = iota
	AttrMode       // os.Chmod, syscall.Chmod
	AttrOwner      // os.Chown, os.Lchown
	AttrTimes      // os.Chtimes, syscall.Utimes, UtimesNano
	AttrSize       // os.Truncate
	AttrInfo       // os.Stat, os.Lstat: reads the metadata
)

// Func describes one function of the table.
type Func struct {
	Paths []PathArg
	Check Check // for checks, the path is Paths[0]

	// Attr is the attribute an OpModify changes or a Stat check reads.
	Attr Attr
	// NoFollow: the call acts on a final symbolic link itself (Lstat,
	// Lchown), not on what it points to.
	NoFollow bool
	// FileMethod is the *os.File method that does the same on an open
	// handle ("" for none). Only package os has them: the syscall and
	// x/sys/unix forms take and return other types.
	FileMethod string
	// Handle: the function returns an *os.File opened from the path
	// (result 0, the error result 1): os.Open, os.Create, os.OpenFile,
	// and os.CreateTemp, whose file has a fresh name (no Paths).
	Handle bool
}

// first describes a function whose path is its first argument.
func first(op Op) Func { return Func{Paths: []PathArg{{Index: 0, Op: op}}} }
func check(i int, c Check) Func {
	return Func{Paths: []PathArg{{Index: i}}, Check: c}
}
func openFlags(path, flag int) Func {
	return Func{Paths: []PathArg{{Index: path, Op: OpOpenFlags, Flag: flag}}}
}
func two(op0, op1 Op) Func {
	return Func{Paths: []PathArg{{Index: 0, Op: op0}, {Index: 1, Op: op1}}}
}

// modify describes an OpModify of its first argument's attribute a.
func modify(a Attr) Func { return Func{Paths: []PathArg{{Index: 0, Op: OpModify}}, Attr: a} }

// opener marks an open function as returning an *os.File handle.
func opener(f Func) Func {
	f.Handle = true
	return f
}

// onHandle names the *os.File method that does what f does by name.
func onHandle(f Func, method string) Func {
	f.FileMethod = method
	return f
}

// noFollow marks f as acting on a final symbolic link itself.
func noFollow(f Func) Func {
	f.NoFollow = true
	return f
}

// stat describes a Stat check of the first argument.
func stat(c Check) Func {
	f := check(0, c)
	f.Attr = AttrInfo
	f.NoFollow = c == CheckLstat
	return f
}

// Both syscall and golang.org/x/sys/unix have these, with the same signatures.
var unixCalls = map[string]Func{
	"Open":       openFlags(0, 1),
	"Creat":      first(OpCreate),
	"Unlink":     first(OpRemove),
	"Rmdir":      first(OpRemove),
	"Mkdir":      first(OpMkdir),
	"Rename":     two(OpRenameSrc, OpRenameDst),
	"Chmod":      modify(AttrMode),
	"Chown":      modify(AttrOwner),
	"Lchown":     noFollow(modify(AttrOwner)),
	"Truncate":   modify(AttrSize),
	"Utimes":     modify(AttrTimes),
	"UtimesNano": modify(AttrTimes),
	"Symlink":    {Paths: []PathArg{{Index: 1, Op: OpLinkNew}}},
	"Link":       two(OpLinkOld, OpLinkNew),
	"Readlink":   first(OpRead),
	"Stat":       stat(CheckStat),
	"Lstat":      stat(CheckLstat),
	"Access":     check(0, CheckAccess),
}

// Readlink is in no table: it does not follow the link it reads, and
// fails harmlessly if the name stopped being a link after a check.

var table = map[string]map[string]Func{
	"os": {
		"Open":       opener(first(OpRead)),
		"Create":     opener(first(OpCreate)),
		"OpenFile":   opener(openFlags(0, 1)),
		"CreateTemp": {Handle: true},
		"ReadFile":   first(OpRead),
		"WriteFile":  first(OpCreate),
		"Remove":     first(OpRemove),
		"RemoveAll":  first(OpRemoveAll),
		"Rename":     two(OpRenameSrc, OpRenameDst),
		"Mkdir":      first(OpMkdir),
		"MkdirAll":   first(OpMkdirAll),
		"Chmod":      onHandle(modify(AttrMode), "Chmod"),
		"Chown":      onHandle(modify(AttrOwner), "Chown"),
		"Lchown":     noFollow(modify(AttrOwner)),
		"Chtimes":    modify(AttrTimes),
		"Truncate":   onHandle(modify(AttrSize), "Truncate"),
		"Symlink":    {Paths: []PathArg{{Index: 1, Op: OpLinkNew}}},
		"Link":       two(OpLinkOld, OpLinkNew),
		"Stat":       onHandle(stat(CheckStat), "Stat"),
		"Lstat":      stat(CheckLstat),
		"ReadDir":    check(0, CheckReadDir),
	},
	"io/ioutil": {
		"ReadFile":  first(OpRead),
		"WriteFile": first(OpCreate),
		"ReadDir":   check(0, CheckReadDir),
	},
	"path/filepath": {
		"Glob": check(0, CheckGlob),
	},
	"syscall":               unixCalls,
	"golang.org/x/sys/unix": withFaccessat(unixCalls),
}

func withFaccessat(m map[string]Func) map[string]Func {
	out := make(map[string]Func, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	// Faccessat(dirfd, path, mode, flags): only meaningful as a check.
	out["Faccessat"] = check(1, CheckAccess)
	return out
}

// Lookup returns the table entry for a package-level function.
func Lookup(fn *types.Func) (Func, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Func{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return Func{}, false // methods (os.Root, *os.File) operate on handles
	}
	f, ok := table[fn.Pkg().Path()][fn.Name()]
	return f, ok
}

// Classify resolves OpOpenFlags for one call: what opening with the given
// flag value does. It returns OpNone when the flags are not a constant.
// The flag constants are looked up by name in the callee's package, so the
// classification is right on every GOOS.
func Classify(pa PathArg, call *ssa.CallCommon, callee *types.Func) Op {
	if pa.Op != OpOpenFlags {
		return pa.Op
	}
	if pa.Flag >= len(call.Args) {
		return OpNone
	}
	c, ok := call.Args[pa.Flag].(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return OpNone
	}
	flags, ok := constant.Int64Val(c.Value)
	if !ok {
		return OpNone
	}
	bit := func(name string) int64 { return flagBit(callee.Pkg(), name) }
	create, excl := bit("O_CREATE"), bit("O_EXCL")
	if create == 0 {
		create = bit("O_CREAT")
	}
	switch {
	case create != 0 && flags&create != 0 && excl != 0 && flags&excl != 0:
		return OpExclCreate
	case create != 0 && flags&create != 0:
		return OpCreate
	case flags&(bit("O_WRONLY")|bit("O_RDWR")) != 0:
		return OpWrite
	default:
		return OpRead
	}
}

// HasFlag reports whether a call to an open function of the table passes
// a constant flag argument that includes the named flag (O_NOFOLLOW).
func HasFlag(call *ssa.CallCommon, callee *types.Func, name string) bool {
	entry, ok := Lookup(callee)
	if !ok || len(entry.Paths) == 0 || entry.Paths[0].Op != OpOpenFlags {
		return false
	}
	fi := entry.Paths[0].Flag
	if fi >= len(call.Args) {
		return false
	}
	c, ok := call.Args[fi].(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	flags, _ := constant.Int64Val(c.Value)
	bit := constValue(callee.Pkg(), name)
	if bit == 0 {
		// os lacks some flags (O_NOFOLLOW); callers pass syscall's.
		for _, imp := range callee.Pkg().Imports() {
			if imp.Path() == "syscall" {
				bit = constValue(imp, name)
			}
		}
	}
	return bit != 0 && flags&bit != 0
}

func constValue(pkg *types.Package, name string) int64 {
	if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
		if v, ok := constant.Int64Val(k.Val()); ok {
			return v
		}
	}
	return 0
}

// Imports reports whether pkg imports a package of the table directly: a
// package that does not cannot call a table function.
func Imports(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, ok := table[imp.Path()]; ok {
			return true
		}
	}
	return false
}

// IsStd reports whether pkg belongs to the standard library. A path
// without a dot is not enough (modules may be named "myapp"): its first
// element must also be one of the standard library's roots.
func IsStd(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	return IsStdPath(pkg.Path())
}

// IsStdPath reports whether the package path belongs to the standard
// library (vendored packages of std included).
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return stdRoots[first]
}

// stdRoots are the first path elements of the standard library's
// packages (go list std cmd, Go 1.26).
var stdRoots = map[string]bool{
	"archive": true, "bufio": true, "builtin": true, "bytes": true, "cmd": true, "cmp": true,
	"compress": true, "container": true, "context": true, "crypto": true, "database": true,
	"debug": true, "embed": true, "encoding": true, "errors": true, "expvar": true, "flag": true,
	"fmt": true, "go": true, "hash": true, "html": true, "image": true, "index": true,
	"internal": true, "io": true, "iter": true, "log": true, "maps": true, "math": true,
	"mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true,
	"regexp": true, "runtime": true, "slices": true, "sort": true, "strconv": true,
	"strings": true, "structs": true, "sync": true, "syscall": true, "testing": true,
	"text": true, "time": true, "unicode": true, "unique": true, "unsafe": true,
	"vendor": true, "weak": true,
}
