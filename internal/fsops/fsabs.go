package fsops

import (
	"go/types"
	"os"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// File-system abstractions: the operations of the table done through a
// file-system value instead of the os package's namespace. They are
//
//   - the functions of io/fs that take the file system first,
//     fs.Stat(fsys, p), fs.ReadFile(fsys, p), and afero's
//     afero.WriteFile(fsys, p, ...), afero.Exists(fsys, p);
//   - methods with the os shapes, recognised by name and signature, not
//     by type name: Stat and Lstat(string) (fs.FileInfo, error),
//     Create(string) (F, error), OpenFile(string, int, fs.FileMode)
//     (F, error), Mkdir(string, fs.FileMode) error, Remove(string) error,
//     Rename(string, string) error, ... on a type that is a file system
//     (it has a Stat or Lstat of that shape, or is an fs.FS). That covers
//     os.Root, afero.Fs, go-billy's billy.Filesystem, twpayne/go-vfs and
//     a project's own Filesystem interface alike.
//
// Check and use name the same file only through the same file-system
// value (Site.FS). File systems that never change (embed.FS, a zip
// archive, fstest.MapFS) are no file systems here: nothing can race a
// check on them.

// CheckExists is a check whose boolean result is true when the path
// exists: afero.Exists(fsys, p) (bool, error).
const CheckExists Check = CheckGlob + 1

// A Site is one call of an operation or check of the tables, its indexes
// counted in the call's SSA arguments.
type Site struct {
	Func
	Callee *types.Func // the function, the concrete method, or the interface method
	// FS is the file-system value the call goes through: the receiver,
	// or the first argument of fs.Stat(fsys, p); nil for the os
	// package's (and syscall's) functions, which name files in the
	// process's own namespace.
	FS ssa.Value
}

// LookupCall returns the table entry for a call: a function of the table,
// or a file-system abstraction's operation (see above). It is the one
// entry point for passes that want both; Lookup knows the package-level
// functions of the os namespace only.
func LookupCall(call *ssa.CallCommon) (Site, bool) {
	if call.IsInvoke() {
		m := call.Method
		if m == nil {
			return Site{}, false
		}
		f, ok := methodShape(m) // the name first: cheap
		if !ok || !isFileSystem(call.Value) {
			return Site{}, false
		}
		return Site{Func: f, Callee: m, FS: call.Value}, true
	}
	callee := call.StaticCallee()
	if callee == nil {
		return Site{}, false
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok || fn.Pkg() == nil {
		return Site{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		if f, ok := Lookup(fn); ok {
			return Site{Func: f, Callee: fn}, true
		}
		f, ok := fsFuncs[fn.Pkg().Path()][fn.Name()]
		if !ok || len(call.Args) == 0 || !isFileSystem(call.Args[0]) {
			return Site{}, false
		}
		return Site{Func: f, Callee: fn, FS: call.Args[0]}, true
	}
	// A static method call: the receiver is Args[0].
	f, ok := methodShape(fn)
	if !ok || len(call.Args) == 0 || !isFileSystem(call.Args[0]) {
		return Site{}, false
	}
	return Site{Func: shift(f, 1), Callee: fn, FS: call.Args[0]}, true
}

// fsFuncs are package-level functions that act through a file system
// passed first; their indexes count that argument.
var fsFuncs = map[string]map[string]Func{
	"io/fs": {
		"Stat":     check(1, CheckStat),
		"ReadFile": {Paths: []PathArg{{Index: 1, Op: OpRead}}},
		"ReadDir":  check(1, CheckReadDir),
	},
	"github.com/spf13/afero": {
		"Exists":    check(1, CheckExists),
		"ReadFile":  {Paths: []PathArg{{Index: 1, Op: OpRead}}},
		"WriteFile": {Paths: []PathArg{{Index: 1, Op: OpCreate}}},
		"ReadDir":   check(1, CheckReadDir),
	},
}

// shift moves a method's indexes past its receiver.
func shift(f Func, by int) Func {
	out := Func{Check: f.Check, Paths: make([]PathArg, len(f.Paths))}
	for i, pa := range f.Paths {
		pa.Index += by
		if pa.Op == OpOpenFlags {
			pa.Flag += by
		}
		out.Paths[i] = pa
	}
	return out
}

// param kinds of the method shapes.
const (
	pString = iota
	pInt
	pInt64
	pMode
	pBytes
	pTime
)

// result kinds of the method shapes.
const (
	rErr     = iota // error
	rAnyErr         // (T, error)
	rInfoErr        // (fs.FileInfo, error)
	rBytes          // ([]byte, error)
	rBool           // (bool, error)
)

type shape struct {
	params  []int
	results int
	f       Func
}

// methodShapes are the os shapes, by method name; indexes do not count
// the receiver.
var methodShapes = map[string]shape{
	"Stat":      {[]int{pString}, rInfoErr, check(0, CheckStat)},
	"Lstat":     {[]int{pString}, rInfoErr, check(0, CheckLstat)},
	"Exists":    {[]int{pString}, rBool, check(0, CheckExists)}, // afero.Afero
	"ReadDir":   {[]int{pString}, rAnyErr, check(0, CheckReadDir)},
	"Open":      {[]int{pString}, rAnyErr, first(OpRead)},
	"ReadFile":  {[]int{pString}, rBytes, first(OpRead)},
	"Create":    {[]int{pString}, rAnyErr, first(OpCreate)},
	"OpenFile":  {[]int{pString, pInt, pMode}, rAnyErr, openFlags(0, 1)},
	"WriteFile": {[]int{pString, pBytes, pMode}, rErr, first(OpCreate)},
	"Remove":    {[]int{pString}, rErr, first(OpRemove)},
	"RemoveAll": {[]int{pString}, rErr, first(OpRemoveAll)},
	"Rename":    {[]int{pString, pString}, rErr, two(OpRenameSrc, OpRenameDst)},
	"Mkdir":     {[]int{pString, pMode}, rErr, first(OpMkdir)},
	"MkdirAll":  {[]int{pString, pMode}, rErr, first(OpMkdirAll)},
	"Chmod":     {[]int{pString, pMode}, rErr, modify(AttrMode)},
	"Chown":     {[]int{pString, pInt, pInt}, rErr, modify(AttrOwner)},
	"Lchown":    {[]int{pString, pInt, pInt}, rErr, noFollow(modify(AttrOwner))},
	"Chtimes":   {[]int{pString, pTime, pTime}, rErr, modify(AttrTimes)},
	"Truncate":  {[]int{pString, pInt64}, rErr, modify(AttrSize)},
	"Symlink":   {[]int{pString, pString}, rErr, Func{Paths: []PathArg{{Index: 1, Op: OpLinkNew}}}},
	"Link":      {[]int{pString, pString}, rErr, two(OpLinkOld, OpLinkNew)},
}

// methodShape returns the entry of a method with an os shape.
func methodShape(m *types.Func) (Func, bool) {
	sh, ok := methodShapes[m.Name()]
	if !ok {
		return Func{}, false
	}
	sig := m.Type().(*types.Signature)
	if sig.Params().Len() != len(sh.params) || sig.Variadic() {
		return Func{}, false
	}
	for i, k := range sh.params {
		if !paramIs(sig.Params().At(i).Type(), k) {
			return Func{}, false
		}
	}
	res := sig.Results()
	switch sh.results {
	case rErr:
		ok = res.Len() == 1 && isErrorType(res.At(0).Type())
	default:
		ok = res.Len() == 2 && isErrorType(res.At(1).Type())
		if ok {
			switch t := res.At(0).Type(); sh.results {
			case rInfoErr:
				ok = isNamed(t, "io/fs", "FileInfo")
			case rBytes:
				ok = types.Identical(t, types.NewSlice(types.Typ[types.Byte]))
			case rBool:
				ok = types.Identical(t.Underlying(), types.Typ[types.Bool])
			}
		}
	}
	return sh.f, ok
}

func paramIs(t types.Type, k int) bool {
	switch k {
	case pString:
		return types.Identical(t, types.Typ[types.String])
	case pInt:
		return types.Identical(t, types.Typ[types.Int])
	case pInt64:
		return types.Identical(t, types.Typ[types.Int64])
	case pMode:
		return isNamed(t, "io/fs", "FileMode")
	case pBytes:
		return types.Identical(t, types.NewSlice(types.Typ[types.Byte]))
	case pTime:
		return isNamed(t, "time", "Time")
	}
	return false
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkg && obj.Name() == name
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isFileSystem reports whether v, a receiver or fs.Stat's first argument,
// is a file system whose contents can change: its type has a Stat or
// Lstat of the os shape, or an Open(string) (fs.File, error) (an fs.FS),
// and it is none of the immutable ones.
func isFileSystem(v ssa.Value) bool {
	if immutableFS(v) {
		return false
	}
	t := v.Type()
	for _, name := range [...]string{"Stat", "Lstat", "Open"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if name == "Open" {
			sig := m.Type().(*types.Signature)
			if sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
				isNamed(sig.Results().At(0).Type(), "io/fs", "File") {
				return true
			}
			continue
		}
		if f, ok := methodShape(m); ok && f.Check != CheckNone {
			return true
		}
	}
	return false
}

// immutableFS reports whether v is, or is an interface holding, a file
// system whose contents never change while the program runs.
func immutableFS(v ssa.Value) bool {
	v = ssakit.Unconvert(v)
	t := v.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	return isNamed(t, "embed", "FS") || isNamed(t, "archive/zip", "Reader") ||
		isNamed(t, "archive/zip", "ReadCloser") || isNamed(t, "testing/fstest", "MapFS")
}

// SameFS reports whether two sites go through the same file system: both
// through the os namespace, or through values that are the same (looking
// through interface conversions) by same, the caller's same-value test
// (pathflow's SamePath: the same SSA value or the same pure computation).
func SameFS(a, b ssa.Value, same func(a, b ssa.Value) bool) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return same(ssakit.Unconvert(a), ssakit.Unconvert(b))
}

// UsesFS reports whether a package can do file-system operations through
// an abstraction: it imports io/fs or afero, or selects a method named as
// one of the os shapes. It is the cheap filter before SSA, for packages
// that import no package of the table.
func UsesFS(pkg *types.Package, info *types.Info) bool {
	for _, imp := range pkg.Imports() {
		if _, ok := fsFuncs[imp.Path()]; ok {
			return true
		}
	}
	for _, sel := range info.Selections {
		if sel.Kind() == types.MethodVal {
			if _, ok := methodShapes[sel.Obj().Name()]; ok {
				return true
			}
		}
	}
	return false
}

// flagBit returns the value of the open flag name (O_CREATE, O_EXCL...)
// for a callee of package pkg: pkg's own constant (os, syscall, unix), or
// for a file-system abstraction whose OpenFile takes os's flags, os's
// constant as pkg's imports see it, or else os's constant as this program
// was built (the abstraction's package imports neither os nor syscall).
func flagBit(pkg *types.Package, name string) int64 {
	if v := constValue(pkg, name); v != 0 {
		return v
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == "os" {
			if v := constValue(imp, name); v != 0 {
				return v
			}
		}
	}
	return hostFlags[name]
}

var hostFlags = map[string]int64{
	"O_CREATE": int64(os.O_CREATE),
	"O_EXCL":   int64(os.O_EXCL),
	"O_WRONLY": int64(os.O_WRONLY),
	"O_RDWR":   int64(os.O_RDWR),
	"O_TRUNC":  int64(os.O_TRUNC),
	"O_APPEND": int64(os.O_APPEND),
}
