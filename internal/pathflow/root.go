package pathflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// A Root says who can write the directory a path lies under, as far as
// the path's value tells: the relevance model's "who can race"
// (docs/design.md).
type Root int

const (
	// UnknownRoot: a parameter, a configured or relative path, anything
	// the value does not tell.
	UnknownRoot Root = iota
	// SharedRoot: a directory every local user can write: /tmp,
	// /var/tmp, /usr/tmp, /dev/shm, os.TempDir(), $TMPDIR, and the
	// world-writable /run/lock, /var/lock and /run/shm.
	SharedRoot
	// UserRoot: the user's own directories: os.UserConfigDir,
	// os.UserCacheDir, os.UserHomeDir, $HOME, $XDG_*_HOME,
	// $XDG_RUNTIME_DIR, the HomeDir of user.Current(). Only the user
	// (and root) can write them; but they are read from the environment,
	// which the invoking user controls in a set-user-ID program.
	UserRoot
	// SystemRoot: a directory of the system that only root can write:
	// /etc, /var/lib, /var/cache, /var/log, /run, /var/run, /proc, /sys,
	// /usr, /boot.
	SystemRoot
	// FreshRoot: a directory the function made itself, new and
	// writable by its owner alone: os.MkdirTemp, ioutil.TempDir, testing's
	// TempDir, or an os.Mkdir whose mode gives group and others no write
	// permission and whose error is tested.
	FreshRoot
	// OwnRoot: a directory the function makes sure of with os.MkdirAll
	// and a mode that gives group and others no write permission, or
	// changes to such a mode with an error-tested os.Chmod, before the
	// race: not new (MkdirAll keeps a directory that exists), but one
	// the program keeps as its own; its racers are the program's user and
	// root, as under UserRoot.
	OwnRoot
	// BinaryRoot: the running program's own directory, the one that holds
	// its executable: the result of os.Executable, through
	// filepath.EvalSymlinks, a sibling of it (exe + ".old",
	// filepath.Join(filepath.Dir(exe), name)), or a file os.CreateTemp
	// makes there. Whoever can write that directory can replace the
	// program itself, so a race there gains nothing: a program that
	// updates itself writes its new binary there.
	BinaryRoot
	// TempFileRoot: not a directory but the path itself, the name of a
	// file os.CreateTemp (or ioutil.TempFile) made: a name nobody could
	// predict, of a file created with O_EXCL and mode 0600. Only whoever
	// can remove or rename entries of its directory can replace it: in a
	// shared temporary directory, which is sticky, its owner and root;
	// elsewhere whoever can write the directory, who could as well
	// replace whatever the program renames the file onto.
	TempFileRoot
)

// Private reports whether only the program's own user, or root, can
// write under r.
func (r Root) Private() bool {
	return r == UserRoot || r == SystemRoot || r == FreshRoot || r == OwnRoot || r == BinaryRoot || r == TempFileRoot
}

func (r Root) String() string {
	switch r {
	case SharedRoot:
		return "shared"
	case UserRoot:
		return "user"
	case SystemRoot:
		return "system"
	case FreshRoot:
		return "fresh"
	case OwnRoot:
		return "own"
	case BinaryRoot:
		return "binary"
	case TempFileRoot:
		return "tempfile"
	}
	return "unknown"
}

// WhoCanRace says, for a message, who can race under a private root r:
// the end of a report in a check's private-dir category.
func (r Root) WhoCanRace() string {
	switch r {
	case FreshRoot:
		return "no other process can race: the directory was made by this function"
	case UserRoot:
		return "only the user and root can race: the directory is the user's own"
	case SystemRoot:
		return "only root can race: the directory is a system one"
	case OwnRoot:
		return "only the program's user and root can race: the function makes the directory writable by its owner alone (os.MkdirAll or os.Chmod)"
	case BinaryRoot:
		return "only whoever can replace the program itself can race: the directory is the one of the running executable"
	case TempFileRoot:
		return "no other user can race: os.CreateTemp made the file under a name nobody can predict, and only who can remove entries of its directory (in a shared, sticky one, the owner and root) can replace it"
	}
	return ""
}

// SharedDirs are the world-writable directories of Unix systems: the
// temporary directories every one has, then LockDirs.
var SharedDirs = append([]string{"/tmp", "/var/tmp", "/usr/tmp", "/dev/shm"}, LockDirs...)

// LockDirs are world-writable (sticky) directories under root's own, on
// Linux: /run/lock and its old name /var/lock (mode 1777 on Debian and
// its kin), /run/shm on older systems.
var LockDirs = []string{"/run/lock", "/var/lock", "/run/shm"}

// IsLockDir reports whether d, a directory of SharedDirs, is one of
// LockDirs: a shared directory of Linux only.
func IsLockDir(d string) bool { return slices.Contains(LockDirs, strings.TrimRight(d, "/")) }

// volatileDirs are directories that are a tmpfs on Linux: what is
// written there is gone at the next boot, so no crash can leave it
// half written for a later run. /tmp is a tmpfs only on some systems.
var volatileDirs = []string{"/run", "/var/run", "/var/lock", "/dev/shm"}

// kernelDirs are the mount points of the kernel's pseudo file systems
// (procfs, sysfs and the cgroup file systems under it).
var kernelDirs = []string{"/proc", "/sys"}

// systemDirs are directories only root can write on every Unix system.
// /run/user/UID is the user's own, still not another user's.
var systemDirs = []string{"/etc", "/var/lib", "/var/cache", "/var/log", "/run", "/var/run", "/proc", "/sys", "/usr", "/boot"}

// IsSharedDir reports whether s names a shared directory itself.
func IsSharedDir(s string) bool {
	s = strings.TrimRight(s, "/")
	for _, d := range SharedDirs {
		if s == d {
			return true
		}
	}
	return false
}

// A Dir is what a path's value says of the directory it lies under: who
// can write it, and whether it is a tmpfs.
type Dir struct {
	Root Root
	// Volatile: the directory is a tmpfs on Linux (/run, /var/run,
	// /var/lock, /dev/shm, /run/user/UID, $XDG_RUNTIME_DIR): nothing
	// written there survives a reboot.
	Volatile bool
	// Kernel: the path is under /proc or /sys, the kernel's interfaces
	// (sysctls, cgroups, device attributes): their "files" hold no
	// content a crash can truncate, and cannot be renamed over.
	Kernel bool
	// entry, under BinaryRoot: the path names an entry of the program's
	// directory (the executable, a sibling, a file in it), not the
	// directory itself, so that filepath.Dir of it is still that
	// directory.
	entry bool
}

// Entry reports whether, under BinaryRoot, the path names an entry of
// the program's directory rather than the directory itself.
func (d Dir) Entry() bool { return d.entry }

// EntryDir returns the Dir of root and volatile, an entry of the
// program's directory when entry is set (as DirFacts.ResultDir reports
// it from a summary).
func EntryDir(root Root, volatile, entry bool) Dir {
	return Dir{Root: root, Volatile: volatile, entry: entry && root == BinaryRoot}
}

// DirFacts says what the analyzed code's functions do with directories,
// from their summaries (internal/effects), so that Roots sees through a
// helper that makes a directory or returns one as it sees through
// os.MkdirAll and os.UserConfigDir.
type DirFacts interface {
	// MakesDir reports whether every return of fn comes after an
	// os.MkdirAll of the directory its parameter i names, with a mode
	// that gives group and others no write permission (directly or
	// through such helpers).
	MakesDir(fn *types.Func, i int) bool
	// ResultDir returns the directory fn's result i lies under on every
	// return that succeeds, as DirOf reads it there, or false.
	ResultDir(fn *types.Func, i int) (Dir, bool)
}

// RootOf returns who can write the directory the path v lies under, at
// the instruction at (an os.Mkdir that makes v's directory counts only
// when it dominates at). It reads the path's first element: a constant
// absolute prefix, the call that made it (os.TempDir, os.UserConfigDir,
// os.MkdirTemp...), through filepath.Join, path.Join, Clean, Abs, string
// concatenation with a separator, fmt.Sprintf with a leading %s or a
// literal prefix, phis that agree, and locals stored once (also a
// closure's captured variable); the executable's path (os.Executable,
// filepath.EvalSymlinks, filepath.Dir of it, a suffix added to it); the
// name of a file os.CreateTemp made, which is TempFileRoot itself, and
// any path that goes on from it lies in the temporary file's directory. A
// constant element with ".." makes it unknown. A parameter is unknown:
// Roots.RootOf reads it from the callers.
func RootOf(v ssa.Value, at ssa.Instruction) Root {
	return DirOf(v, at).Root
}

// DirOf returns what RootOf reads of v's directory, and whether it is a
// tmpfs.
func DirOf(v ssa.Value, at ssa.Instruction) Dir {
	return (*Roots)(nil).DirOf(v, at)
}

// Roots answers RootOf and DirOf for the functions of one package, and
// reads the root of a parameter from the callers: a parameter of an
// unexported function, of a function literal or of any function of
// package main (privateFunc), whose value does not escape, and that some
// static call in the package calls, has the root the arguments of all
// its calls agree on (through the callers' own parameters, up to maxHops
// functions up; a cycle back to a parameter being read makes it
// unknown). Exported functions, methods and generic functions keep
// unknown parameters: a caller the package does not see, or an interface
// call, may pass anything. A package-level variable is read the same way
// from its stores (globalRoot). The callers index is built on the first
// question about a parameter or a variable, the root of each read once. The nil
// *Roots reads no callers: RootOf and DirOf. Not safe for concurrent use.
type Roots struct {
	facts       DirFacts               // the helpers' summaries, or nil
	callers     func() *ssakit.Callers // the index, built on the first call
	index       *ssakit.Callers
	memo        map[paramKey]Dir
	busy        map[paramKey]bool // being read: a cycle through the callers
	globalMemo  map[globalKey]Dir
	globalBusy  map[globalKey]bool // being read: a cycle through the stores
	hops        int                // parameters being read, nested
	provisional int                // answers that met a busy parameter or the hop limit
}

// paramKey is a question about a parameter: whole as in rootOf.
type paramKey struct {
	p     *ssa.Parameter
	whole bool
}

// maxHops bounds the chain of parameters read through callers.
const maxHops = 8

// NewRoots returns the Roots of a package whose callers index callers
// returns (ssabuild's SSA.Callers, called at most once, when a parameter's
// root is first asked).
func NewRoots(callers func() *ssakit.Callers) *Roots {
	return &Roots{callers: callers, memo: make(map[paramKey]Dir), busy: make(map[paramKey]bool),
		globalMemo: make(map[globalKey]Dir), globalBusy: make(map[globalKey]bool)}
}

// WithFacts makes r see through the helpers facts summarizes (DirFacts),
// and returns r.
func (r *Roots) WithFacts(facts DirFacts) *Roots {
	r.facts = facts
	return r
}

// RootOf is the package's RootOf, with the parameters read from their
// callers.
func (r *Roots) RootOf(v ssa.Value, at ssa.Instruction) Root {
	return r.DirOf(v, at).Root
}

// DirOf is the package's DirOf, with the parameters read from their
// callers.
func (r *Roots) DirOf(v ssa.Value, at ssa.Instruction) Dir {
	d := r.rootOf(v, at, true, 0)
	d.entry = false
	if tempFileName(v) {
		d.Root = TempFileRoot
	}
	return d
}

// tempFileName reports whether the path v is the name of a file
// os.CreateTemp (or ioutil.TempFile) made, f.Name() itself (also kept in
// a local variable stored once): TempFileRoot. A path that goes on from
// it (f.Name() + ".bak", a sibling) is another name, in the directory.
func tempFileName(v ssa.Value) bool {
	for range maxDepth {
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			break
		}
		if v = storedOnce(load.X, 0); v == nil {
			return false
		}
	}
	call, ok := v.(*ssa.Call)
	if !ok || funcKey(&call.Call) != "os.File.Name" || len(call.Call.Args) != 1 {
		return false
	}
	return createdTemp(call.Call.Args[0])
}

// createdTemp reports whether f, an *os.File, is the file result of
// os.CreateTemp or ioutil.TempFile (also kept in a local variable stored
// once).
func createdTemp(f ssa.Value) bool {
	if load, ok := f.(*ssa.UnOp); ok && load.Op == token.MUL {
		f = storedOnce(load.X, 0)
	}
	ext, ok := f.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return false
	}
	call, ok := ext.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	switch funcKey(&call.Call) {
	case "os.CreateTemp", "io/ioutil.TempFile":
		return true
	}
	return false
}

// Volatile reports whether the path v lies in a directory that is a
// tmpfs on Linux (DirOf's Volatile): a crash cannot leave a file there
// half written for the next boot, since the next boot finds none.
func Volatile(v ssa.Value) bool {
	return DirOf(v, nil).Volatile
}

// Kernel reports whether the path v names a file of the kernel's pseudo
// file systems, /proc or /sys (DirOf's Kernel).
func Kernel(v ssa.Value) bool {
	return DirOf(v, nil).Kernel
}

// rootOf: whole says v is a whole path element (the first argument of a
// Join, or followed by a separator), not a prefix a concatenation may
// extend ("/var/lib" + "x" is /var/libx).
func (r *Roots) rootOf(v ssa.Value, at ssa.Instruction, whole bool, depth int) Dir {
	if v == nil || depth > maxDepth {
		return Dir{}
	}
	depth++
	if d := r.valueRoot(v, at, whole, depth); d != (Dir{}) {
		return d
	}
	if r := r.madeDir(v, at); r != UnknownRoot {
		return Dir{Root: r}
	}
	return Dir{}
}

func (r *Roots) valueRoot(v ssa.Value, at ssa.Instruction, whole bool, depth int) Dir {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil || x.Value.Kind() != constant.String {
			return Dir{}
		}
		return constRoot(constant.StringVal(x.Value), whole)
	case *ssa.ChangeType:
		return r.rootOf(x.X, at, whole, depth)
	case *ssa.MakeInterface:
		return r.rootOf(x.X, at, whole, depth)
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return Dir{}
		}
		if y, ok := x.Y.(*ssa.Const); ok && y.Value != nil && y.Value.Kind() == constant.String {
			suffix := constant.StringVal(y.Value)
			if strings.HasPrefix(suffix, "/") {
				return underDir(r.rootOf(x.X, at, true, depth)) // dir + "/..."
			}
			if !strings.Contains(suffix, "/") {
				// exe + ".old": a sibling of the executable. (Other roots
				// read a prefix only from constants and "dir/" + name.)
				if d := r.rootOf(x.X, at, true, depth); d.Root == BinaryRoot && d.entry {
					return d
				}
			}
		}
		if k, ok := x.X.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			return constRoot(constant.StringVal(k.Value), false) // "/var/lib/app/" + name
		}
		if _, ok := x.X.(*ssa.BinOp); ok {
			return r.rootOf(x.X, at, false, depth) // (dir + "/") + name
		}
	case *ssa.Phi:
		// The edges must agree on the root; the directory is volatile when
		// every edge's is.
		var d Dir
		first := true
		for _, e := range x.Edges {
			if e == x {
				continue
			}
			ed := r.rootOf(e, at, whole, depth)
			if first {
				d, first = ed, false
				continue
			}
			if ed.Root != d.Root {
				d.Root = UnknownRoot
			}
			d.Volatile = d.Volatile && ed.Volatile
			d.Kernel = d.Kernel && ed.Kernel
			d.entry = d.entry && ed.entry
		}
		if d.Root != BinaryRoot {
			d.entry = false
		}
		return d
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return Dir{}
		}
		switch addr := x.X.(type) {
		case *ssa.Alloc, *ssa.FreeVar: // a local whose address is taken, or a closure's captured one, stored once
			return r.rootOf(storedOnce(addr, 0), at, whole, depth)
		case *ssa.FieldAddr: // user.Current().HomeDir
			if isHomeDirField(addr.X.Type(), addr.Field) && fromUserCurrent(addr.X) {
				return Dir{Root: UserRoot}
			}
		case *ssa.Global:
			if d, ok := libraryDirVar(addr); ok {
				return d
			}
			return r.globalRoot(addr, whole)
		}
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok {
			return Dir{}
		}
		if d, ok := r.resultDir(&call.Call, x.Index); ok {
			return d
		}
		if x.Index != 0 {
			return Dir{}
		}
		switch key := funcKey(&call.Call); key {
		case "os.UserConfigDir", "os.UserCacheDir", "os.UserHomeDir":
			return Dir{Root: UserRoot}
		case xdgPath + ".ConfigFile", xdgPath + ".DataFile", xdgPath + ".StateFile", xdgPath + ".CacheFile", xdgPath + ".RuntimeFile":
			// github.com/adrg/xdg: a file under the user's base directories
			// (not the Search functions, which find an existing one that may
			// be in a system directory of XDG_CONFIG_DIRS: unknown)
			return Dir{Root: UserRoot, Volatile: key == xdgPath+".RuntimeFile"}
		case "os.MkdirTemp", "io/ioutil.TempDir":
			return Dir{Root: FreshRoot}
		case "path/filepath.Abs", "path/filepath.EvalSymlinks":
			return r.rootOf(call.Call.Args[0], at, whole, depth)
		case "os.Executable":
			return Dir{Root: BinaryRoot, entry: true}
		}
	case *ssa.Call:
		return r.callRoot(x, at, whole, depth)
	case *ssa.Parameter:
		return r.paramRoot(x, whole)
	}
	return Dir{}
}

// xdgPath is the import path of github.com/adrg/xdg, the common library
// of the XDG base directories.
const xdgPath = "github.com/adrg/xdg"

// libraryDirVar reads the package-level variables of common libraries
// that hold a user's directory: adrg/xdg's ConfigHome, DataHome,
// StateHome, CacheHome and RuntimeDir (read from $XDG_*_HOME and $HOME,
// as os.UserConfigDir is).
func libraryDirVar(g *ssa.Global) (Dir, bool) {
	if g.Pkg == nil || g.Pkg.Pkg.Path() != xdgPath {
		return Dir{}, false
	}
	switch g.Name() {
	case "ConfigHome", "DataHome", "StateHome", "CacheHome", "BinHome":
		return Dir{Root: UserRoot}, true
	case "RuntimeDir":
		return Dir{Root: UserRoot, Volatile: true}, true
	}
	return Dir{}, false
}

// globalRoot reads the root of a package-level variable of the package
// from its stores (ssakit.Callers.GlobalStores), as paramRoot reads a
// parameter's from its calls: a variable that only the package can write
// (unexported, or of package main), whose address is not used otherwise
// and that the package stores at least once, has the root its stored
// values agree on. An exported variable keeps an unknown root: another
// package may store anything.
func (r *Roots) globalRoot(g *ssa.Global, whole bool) Dir {
	if r == nil {
		return Dir{}
	}
	key := globalKey{g, whole}
	if d, ok := r.globalMemo[key]; ok {
		return d
	}
	if r.globalBusy[key] || r.hops >= maxHops {
		r.provisional++
		return Dir{}
	}
	if r.index == nil {
		r.index = r.callers()
	}
	stores, all := r.index.GlobalStores(g)
	if !all || len(stores) == 0 {
		r.globalMemo[key] = Dir{}
		return Dir{}
	}
	r.globalBusy[key] = true
	r.hops++
	before := r.provisional
	d := agree(len(stores), func(k int) (Dir, bool) { return r.rootOf(stores[k].Val, stores[k], whole, 0), true })
	r.hops--
	delete(r.globalBusy, key)
	if r.provisional == before {
		r.globalMemo[key] = d
	}
	return d
}

// globalKey is a question about a package-level variable: whole as in
// rootOf.
type globalKey struct {
	g     *ssa.Global
	whole bool
}

// underDir returns d for a path under the directory d describes: under
// BinaryRoot, an entry of the program's directory.
func underDir(d Dir) Dir {
	if d.Root == BinaryRoot {
		d.entry = true
	}
	return d
}

// StoredOnce returns the one value stored at addr, a local variable
// whose address is taken or a closure's captured variable, or nil
// (storedOnce).
func StoredOnce(addr ssa.Value) ssa.Value { return storedOnce(addr, 0) }

// storedOnce returns the one value stored at addr, a local variable
// whose address is taken (an Alloc) or a closure's captured variable (a
// FreeVar, bound to its maker's variable), or nil when it is stored more
// than once, by the function or by a closure that captures it too.
func storedOnce(addr ssa.Value, depth int) ssa.Value {
	if depth > maxDepth {
		return nil
	}
	switch a := addr.(type) {
	case *ssa.FreeVar:
		fn := a.Parent()
		i := slices.Index(fn.FreeVars, a)
		if i < 0 || fn.Parent() == nil || storedIn(a, 0) {
			return nil
		}
		var bound ssa.Value
		for _, b := range fn.Parent().Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
					if bound != nil && bound != mc.Bindings[i] {
						return nil
					}
					bound = mc.Bindings[i]
				}
			}
		}
		if bound == nil {
			return nil
		}
		return storedOnce(bound, depth+1)
	case *ssa.Alloc:
		var val ssa.Value
		for _, r := range *a.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != a || val != nil {
					return nil
				}
				val = r.Val
			case *ssa.MakeClosure:
				if capturedStored(r, a) {
					return nil
				}
			}
		}
		return val
	}
	return nil
}

// capturedStored reports whether the closure mc stores to v, one of the
// variables it captures, itself or through a closure it makes.
func capturedStored(mc *ssa.MakeClosure, v ssa.Value) bool {
	for _, fv := range ssakit.CapturedAs(mc, v) {
		if storedIn(fv, 0) {
			return true
		}
	}
	return false
}

// storedIn reports whether a store to the captured variable fv runs in
// its closure, or in a closure that captures it in turn.
func storedIn(fv *ssa.FreeVar, depth int) bool {
	if depth > maxDepth {
		return true
	}
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == fv {
				return true
			}
		case *ssa.MakeClosure:
			for _, inner := range ssakit.CapturedAs(r, fv) {
				if storedIn(inner, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

func (r *Roots) callRoot(call *ssa.Call, at ssa.Instruction, whole bool, depth int) Dir {
	args := call.Call.Args
	switch key := funcKey(&call.Call); key {
	case "os.TempDir":
		return Dir{Root: SharedRoot}
	case "os.Getenv", "syscall.Getenv":
		k, ok := args[0].(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.String {
			return Dir{}
		}
		switch constant.StringVal(k.Value) {
		case "TMPDIR":
			return Dir{Root: SharedRoot}
		case "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME":
			return Dir{Root: UserRoot}
		case "XDG_RUNTIME_DIR":
			return Dir{Root: UserRoot, Volatile: true}
		}
	case "path/filepath.Join", "path.Join":
		elems, ok := VarargElems(args[0])
		if !ok {
			return Dir{}
		}
		first := -1
		for i, el := range elems {
			if k, ok := el.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
				s := constant.StringVal(k.Value)
				if strings.Contains(s, "..") {
					return Dir{} // may climb out of the root
				}
				if s == "" {
					continue
				}
			}
			if first < 0 {
				first = i
			}
		}
		if first < 0 {
			return Dir{}
		}
		d := r.rootOf(elems[first], at, true, depth)
		for _, el := range elems[first+1:] {
			if k, ok := el.(*ssa.Const); !ok || k.Value == nil || k.Value.Kind() != constant.String || constant.StringVal(k.Value) != "" {
				return underDir(d) // an element after the directory
			}
		}
		return d
	case "path/filepath.Clean", "path/filepath.FromSlash", "path/filepath.ToSlash", "path.Clean":
		return r.rootOf(args[0], at, whole, depth)
	case "path/filepath.Dir", "path.Dir":
		// Only the directory of an entry of the program's directory is
		// read: the directory of any other path is its parent, which the
		// path's root says nothing of (filepath.Dir("/tmp") is "/").
		if d := r.rootOf(args[0], at, true, depth); d.Root == BinaryRoot && d.entry {
			return Dir{Root: BinaryRoot}
		}
	case "os.File.Name":
		return r.tempFileRoot(args[0], at, depth)
	case "fmt.Sprintf":
		k, ok := args[0].(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.String {
			return Dir{}
		}
		format := constant.StringVal(k.Value)
		if strings.HasPrefix(format, "/") {
			if i := strings.IndexByte(format, '%'); i >= 0 {
				return constRoot(format[:i], false)
			}
			return constRoot(format, true)
		}
		if (strings.HasPrefix(format, "%s/") || strings.HasPrefix(format, "%v/")) && len(args) == 2 {
			if elems, ok := VarargElems(args[1]); ok && len(elems) > 0 {
				return underDir(r.rootOf(elems[0], at, true, depth))
			}
		}
	default:
		if strings.HasPrefix(key, "testing.") && strings.HasSuffix(key, ".TempDir") {
			return Dir{Root: FreshRoot} // t.TempDir(), b.TempDir()
		}
		if d, ok := r.resultDir(&call.Call, 0); ok {
			return d
		}
	}
	return Dir{}
}

// resultDir is what the summary of call's static callee says of the
// directory its result i lies under (DirFacts.ResultDir).
func (r *Roots) resultDir(call *ssa.CallCommon, i int) (Dir, bool) {
	if r == nil || r.facts == nil {
		return Dir{}, false
	}
	fn := ssakit.Callee(call)
	if fn == nil {
		return Dir{}, false
	}
	return r.facts.ResultDir(fn, i)
}

// tempFileRoot reads the root of f.Name() for the file f, when
// os.CreateTemp (or ioutil.TempFile) made it: the file lies in the
// directory it was given, and the empty directory is os.TempDir(). (The
// name itself nobody can predict, as internal/effects and tempname say:
// that is a different question, whether someone can take it first.)
func (r *Roots) tempFileRoot(f ssa.Value, at ssa.Instruction, depth int) Dir {
	if load, ok := f.(*ssa.UnOp); ok && load.Op == token.MUL {
		f = storedOnce(load.X, 0) // a local that holds the file
	}
	if !createdTemp(f) {
		return Dir{}
	}
	dir := f.(*ssa.Extract).Tuple.(*ssa.Call).Call.Args[0]
	if k, ok := dir.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "" {
		return Dir{Root: SharedRoot}
	}
	return underDir(r.rootOf(dir, at, true, depth))
}

// paramRoot reads the root of the parameter p from the calls of its
// function (Roots).
func (r *Roots) paramRoot(p *ssa.Parameter, whole bool) Dir {
	if r == nil {
		return Dir{}
	}
	key := paramKey{p, whole}
	if d, ok := r.memo[key]; ok {
		return d
	}
	if r.busy[key] || r.hops >= maxHops {
		r.provisional++ // a cycle, or too far: unknown, and so is what it decides
		return Dir{}
	}
	fn := p.Parent()
	i := ssakit.ParamIndex(fn, p)
	if i < 0 || !privateFunc(fn) {
		return Dir{}
	}
	if r.index == nil {
		r.index = r.callers()
	}
	sites, all := r.index.Sites(fn)
	if !all || len(sites) == 0 {
		r.memo[key] = Dir{}
		return Dir{}
	}
	r.busy[key] = true
	r.hops++
	before := r.provisional
	d := agree(len(sites), func(k int) (Dir, bool) {
		args := sites[k].Common().Args
		if i >= len(args) {
			return Dir{}, false
		}
		// A deferred or go call runs later, but its arguments are
		// evaluated at the statement: the statement is where they are.
		return r.rootOf(args[i], sites[k], whole, 0), true
	})
	r.hops--
	delete(r.busy, key)
	if r.provisional == before {
		r.memo[key] = d
	}
	return d
}

// agree returns the Dir that the n values dirAt reads agree on (their
// root; volatile and an entry of the program's directory only when every
// one is), or the unknown Dir when two disagree or one cannot be read.
func agree(n int, dirAt func(k int) (Dir, bool)) Dir {
	var d Dir
	for k := range n {
		sd, ok := dirAt(k)
		if !ok {
			return Dir{}
		}
		if k == 0 {
			d = sd
			continue
		}
		if sd.Root != d.Root {
			return Dir{}
		}
		d.Volatile = d.Volatile && sd.Volatile
		d.Kernel = d.Kernel && sd.Kernel
		d.entry = d.entry && sd.entry
	}
	return d
}

// privateFunc reports whether only the package can call fn: a function
// literal, an unexported function, or any function of package main;
// not a method (an interface call does not name it), a generic function
// or a synthetic one.
func privateFunc(fn *ssa.Function) bool {
	if fn.Synthetic != "" || fn.Signature.Recv() != nil || fn.TypeParams().Len() > 0 || fn.Origin() != nil {
		return false
	}
	if fn.Parent() != nil {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	return !obj.Exported() || obj.Pkg().Name() == "main"
}

// constRoot classifies a constant path, or a constant prefix of one
// (whole false): a prefix says nothing of the directory its last element
// names ("/var/lib" may go on as "/var/library").
func constRoot(s string, whole bool) Dir {
	match := func(dirs []string) bool {
		for _, d := range dirs {
			if whole && strings.TrimRight(s, "/") == d || strings.HasPrefix(s, d+"/") {
				return true
			}
		}
		return false
	}
	d := Dir{Volatile: match(volatileDirs), Kernel: match(kernelDirs)}
	switch {
	case match(SharedDirs):
		d.Root = SharedRoot
	case strings.HasPrefix(s, "/run/user/"):
		d.Root = UserRoot
	case match(systemDirs):
		d.Root = SystemRoot
	}
	return d
}

// madeDir says what the function made of v before at: FreshRoot when
// an os.Mkdir (or syscall or x/sys/unix Mkdir) made it, with no write
// permission for group or others (the umask only takes bits away), and
// the code tests its error: if the Mkdir succeeded the directory is new
// and only its owner writes in it; if it failed, the code did not go on
// as if it had. OwnRoot when an os.MkdirAll with such a mode makes sure
// of it: the directory may have been there, but the program keeps it as
// its own; so does a call of a helper that makes the directory so on
// every return (DirFacts.MakesDir), error tested or not; and so does an
// os.Chmod (or syscall or x/sys/unix Chmod) to such a mode whose error is
// tested: only the directory's owner or root can change its mode, so the
// program's user owns it, and from then on only that user and root can
// add or replace its entries. UnknownRoot otherwise.
func (r *Roots) madeDir(v ssa.Value, at ssa.Instruction) Root {
	if at == nil || v.Referrers() == nil {
		return UnknownRoot
	}
	made := UnknownRoot
	for _, ref := range *v.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok {
			continue
		}
		if r.makesDir(&call.Call, v) && ssakit.Dominates(call, at) {
			made = OwnRoot
			continue
		}
		if len(call.Call.Args) != 2 || call.Call.Args[0] != v {
			continue
		}
		all, chmod := false, false
		switch funcKey(&call.Call) {
		case "os.Mkdir", "syscall.Mkdir", "golang.org/x/sys/unix.Mkdir":
		case "os.MkdirAll":
			all = true
		case "os.Chmod", "syscall.Chmod", "golang.org/x/sys/unix.Chmod":
			chmod = true
		default:
			continue
		}
		perm, ok := ConstInt(call.Call.Args[1])
		if !ok || perm&0o022 != 0 || !ssakit.Dominates(call, at) {
			continue
		}
		switch {
		case chmod:
			if errorTested(call) {
				made = OwnRoot
			}
		case !all && errorTested(call):
			return FreshRoot
		case all:
			made = OwnRoot
		}
	}
	return made
}

// makesDir reports whether call is of a helper that makes the directory
// v names its own (DirFacts.MakesDir), v being one of its arguments.
func (r *Roots) makesDir(call *ssa.CallCommon, v ssa.Value) bool {
	if r == nil || r.facts == nil {
		return false
	}
	fn := ssakit.Callee(call)
	if fn == nil {
		return false
	}
	for i, a := range call.Args {
		if a == v && r.facts.MakesDir(fn, i) {
			return true
		}
	}
	return false
}

// PrivateMkdirAll reports whether call is an os.MkdirAll whose mode gives
// group and others no write permission: what madeDir reads as OwnRoot.
func PrivateMkdirAll(call *ssa.CallCommon) bool {
	if funcKey(call) != "os.MkdirAll" || len(call.Args) != 2 {
		return false
	}
	perm, ok := ConstInt(call.Args[1])
	return ok && perm&0o022 == 0
}

// ConstInt returns the integer constant v is, through conversions
// (int(0o700), os.FileMode(0o700)).
func ConstInt(v ssa.Value) (int64, bool) {
	c, ok := Unconverted(v).(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// Unconverted returns the value v converts (Convert, ChangeType), looking
// through such conversions.
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// errorTested reports whether the error call returns is compared with
// nil.
func errorTested(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		if b, ok := r.(*ssa.BinOp); ok && (b.Op == token.NEQ || b.Op == token.EQL) {
			return true
		}
	}
	return false
}

func isHomeDirField(t types.Type, field int) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "os/user" || n.Obj().Name() != "User" {
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	return ok && field < s.NumFields() && s.Field(field).Name() == "HomeDir"
}

// fromUserCurrent reports whether v is the *user.User of user.Current().
func fromUserCurrent(v ssa.Value) bool {
	ext, ok := v.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return false
	}
	call, ok := ext.Tuple.(*ssa.Call)
	return ok && funcKey(&call.Call) == "os/user.Current"
}

// funcKey names a static callee as "pkg.Name" or "pkg.Recv.Name", or "".
func funcKey(call *ssa.CallCommon) string {
	callee := call.StaticCallee()
	if callee == nil {
		return ""
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}
