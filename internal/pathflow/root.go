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
	// and a mode that gives group and others no write permission, before
	// the race: not new (MkdirAll keeps a directory that exists), but one
	// the program keeps as its own; its racers are the program's user and
	// root, as under UserRoot.
	OwnRoot
)

// Private reports whether only the program's own user, or root, can
// write under r.
func (r Root) Private() bool {
	return r == UserRoot || r == SystemRoot || r == FreshRoot || r == OwnRoot
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
		return "only the program's user and root can race: the function makes the directory with os.MkdirAll, writable by its owner alone"
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
}

// RootOf returns who can write the directory the path v lies under, at
// the instruction at (an os.Mkdir that makes v's directory counts only
// when it dominates at). It reads the path's first element: a constant
// absolute prefix, the call that made it (os.TempDir, os.UserConfigDir,
// os.MkdirTemp...), through filepath.Join, path.Join, Clean, Abs, string
// concatenation with a separator, fmt.Sprintf with a leading %s or a
// literal prefix, phis that agree, and locals stored once. A constant
// element with ".." makes it unknown.
func RootOf(v ssa.Value, at ssa.Instruction) Root {
	return DirOf(v, at).Root
}

// DirOf returns what RootOf reads of v's directory, and whether it is a
// tmpfs.
func DirOf(v ssa.Value, at ssa.Instruction) Dir {
	return rootOf(v, at, true, 0)
}

// Volatile reports whether the path v lies in a directory that is a
// tmpfs on Linux (DirOf's Volatile): a crash cannot leave a file there
// half written for the next boot, since the next boot finds none.
func Volatile(v ssa.Value) bool {
	return DirOf(v, nil).Volatile
}

// rootOf: whole says v is a whole path element (the first argument of a
// Join, or followed by a separator), not a prefix a concatenation may
// extend ("/var/lib" + "x" is /var/libx).
func rootOf(v ssa.Value, at ssa.Instruction, whole bool, depth int) Dir {
	if v == nil || depth > maxDepth {
		return Dir{}
	}
	depth++
	if d := valueRoot(v, at, whole, depth); d != (Dir{}) {
		return d
	}
	if r := madeDir(v, at); r != UnknownRoot {
		return Dir{Root: r}
	}
	return Dir{}
}

func valueRoot(v ssa.Value, at ssa.Instruction, whole bool, depth int) Dir {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil || x.Value.Kind() != constant.String {
			return Dir{}
		}
		return constRoot(constant.StringVal(x.Value), whole)
	case *ssa.ChangeType:
		return rootOf(x.X, at, whole, depth)
	case *ssa.MakeInterface:
		return rootOf(x.X, at, whole, depth)
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return Dir{}
		}
		if y, ok := x.Y.(*ssa.Const); ok && y.Value != nil && y.Value.Kind() == constant.String &&
			strings.HasPrefix(constant.StringVal(y.Value), "/") {
			return rootOf(x.X, at, true, depth) // dir + "/..."
		}
		if k, ok := x.X.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			return constRoot(constant.StringVal(k.Value), false) // "/var/lib/app/" + name
		}
		if _, ok := x.X.(*ssa.BinOp); ok {
			return rootOf(x.X, at, false, depth) // (dir + "/") + name
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
			ed := rootOf(e, at, whole, depth)
			if first {
				d, first = ed, false
				continue
			}
			if ed.Root != d.Root {
				d.Root = UnknownRoot
			}
			d.Volatile = d.Volatile && ed.Volatile
		}
		return d
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return Dir{}
		}
		switch addr := x.X.(type) {
		case *ssa.Alloc: // a local whose address is taken, stored once
			var val ssa.Value
			for _, r := range *addr.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == addr {
					if val != nil {
						return Dir{}
					}
					val = st.Val
				}
			}
			return rootOf(val, at, whole, depth)
		case *ssa.FieldAddr: // user.Current().HomeDir
			if isHomeDirField(addr.X.Type(), addr.Field) && fromUserCurrent(addr.X) {
				return Dir{Root: UserRoot}
			}
		}
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok || x.Index != 0 {
			return Dir{}
		}
		switch funcKey(&call.Call) {
		case "os.UserConfigDir", "os.UserCacheDir", "os.UserHomeDir":
			return Dir{Root: UserRoot}
		case "os.MkdirTemp", "io/ioutil.TempDir":
			return Dir{Root: FreshRoot}
		case "path/filepath.Abs":
			return rootOf(call.Call.Args[0], at, whole, depth)
		}
	case *ssa.Call:
		return callRoot(x, at, whole, depth)
	}
	return Dir{}
}

func callRoot(call *ssa.Call, at ssa.Instruction, whole bool, depth int) Dir {
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
		return rootOf(elems[first], at, true, depth)
	case "path/filepath.Clean", "path/filepath.FromSlash", "path/filepath.ToSlash", "path.Clean":
		return rootOf(args[0], at, whole, depth)
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
				return rootOf(elems[0], at, true, depth)
			}
		}
	default:
		if strings.HasPrefix(key, "testing.") && strings.HasSuffix(key, ".TempDir") {
			return Dir{Root: FreshRoot} // t.TempDir(), b.TempDir()
		}
	}
	return Dir{}
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
	d := Dir{Volatile: match(volatileDirs)}
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
// its own. UnknownRoot otherwise.
func madeDir(v ssa.Value, at ssa.Instruction) Root {
	if at == nil || v.Referrers() == nil {
		return UnknownRoot
	}
	made := UnknownRoot
	for _, r := range *v.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok || len(call.Call.Args) != 2 || call.Call.Args[0] != v {
			continue
		}
		all := false
		switch funcKey(&call.Call) {
		case "os.Mkdir", "syscall.Mkdir", "golang.org/x/sys/unix.Mkdir":
		case "os.MkdirAll":
			all = true
		default:
			continue
		}
		perm, ok := ConstInt(call.Call.Args[1])
		if !ok || perm&0o022 != 0 || !ssakit.Dominates(call, at) {
			continue
		}
		switch {
		case !all && errorTested(call):
			return FreshRoot
		case all:
			made = OwnRoot
		}
	}
	return made
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
