package pathflow_test

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// rootSrc has one use(path, "root volatile") per case: the Dir that
// DirOf must read from the path at the use.
const rootSrc = `package p

import (
	"fmt"
	"os"
	"path/filepath"
)

func f(dir, name string, uid int) {
	use("/run/app/"+name, "system volatile")
	use("/var/run/app.pid", "system volatile")
	use(filepath.Join("/var/lib/app", name), "system")
	use("/etc/app/conf", "system")
	use("/run/lock/app.lock", "shared volatile")
	use("/var/lock/app.lock", "shared volatile")
	use("/dev/shm/app", "shared volatile")
	use("/tmp/app", "shared")
	use(fmt.Sprintf("/run/user/%d/app.sock", uid), "user volatile")
	use(filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "app.sock"), "user volatile")
	use(filepath.Join(os.Getenv("HOME"), ".app"), "user")
	use("/runner/x", "unknown")
	use(filepath.Join(dir, name), "unknown")
}

func own(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	use(filepath.Join(dir, "state"), "own")
	return nil
}

func ownIgnored(dir string) {
	os.MkdirAll(dir, 0o750)
	use(filepath.Join(dir, "state"), "own")
}

func ownWritable(dir string) {
	os.MkdirAll(dir, 0o775) // group may write: not the program's own
	use(filepath.Join(dir, "state"), "unknown")
}

func ownAfter(dir string) {
	use(filepath.Join(dir, "state"), "unknown")
	os.MkdirAll(dir, 0o700) // after the use: made nothing it used
}

func ownShared() {
	dir := filepath.Join(os.TempDir(), "app")
	os.MkdirAll(dir, 0o700) // another user may have made it first
	use(filepath.Join(dir, "state"), "shared")
}

func ownChmod(bundle string) error {
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		return err
	}
	if err := os.Chmod(bundle, 0o700); err != nil { // only the owner or root could: the user's own from now on
		return err
	}
	use(filepath.Join(bundle, "config.json"), "own")
	return nil
}

func chmodIgnored(dir string) {
	os.Chmod(dir, 0o700) // may have failed: someone else's directory
	use(filepath.Join(dir, "state"), "unknown")
}

func chmodWritable(dir string) error {
	if err := os.Chmod(dir, 0o770); err != nil { // the group may write
		return err
	}
	use(filepath.Join(dir, "state"), "unknown")
	return nil
}

func fresh(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	use(filepath.Join(dir, "state"), "fresh")
	return nil
}

func mixed(b bool) {
	p := "/run/app/x"
	if b {
		p = "/dev/shm/x"
	}
	use(p, "unknown volatile")
}

func use(p, want string) {}
`

func TestDirOf(t *testing.T) {
	pkg, fset := buildSource(t, rootSrc)
	var fns []*ssa.Function
	for _, name := range []string{"f", "own", "ownIgnored", "ownWritable", "ownAfter", "ownShared", "ownChmod", "chmodIgnored", "chmodWritable", "fresh", "mixed"} {
		fns = append(fns, pkg.Func(name))
	}
	checkUses(t, fset, pkg, fns, 23, func(path ssa.Value, at *ssa.Call) string {
		d := pathflow.DirOf(path, at)
		if d.Volatile {
			return d.Root.String() + " volatile"
		}
		return d.Root.String()
	})
}

// checkUses compares, at each call use(path, want) in fns, what got says
// of the path with want; there must be n such calls.
func checkUses(t *testing.T, fset *token.FileSet, pkg *ssa.Package, fns []*ssa.Function, n int, got func(path ssa.Value, at *ssa.Call) string) {
	t.Helper()
	seen := 0
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Call.StaticCallee() != pkg.Func("use") {
					continue
				}
				seen++
				want := call.Call.Args[1].(*ssa.Const).Value.ExactString()
				if g := got(call.Call.Args[0], call); `"`+g+`"` != want {
					t.Errorf("%s: got %s, want %s", fset.Position(call.Pos()), g, want)
				}
			}
		}
	}
	if seen != n {
		t.Errorf("saw %d uses, want %d", seen, n)
	}
}

// callersSrc has one use(path, "root") per case: the root that Roots
// must read, with the parameters read from their callers.
const callersSrc = `package p

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func executable() {
	e, _ := os.Executable()
	use(e, "binary")
	r, _ := filepath.EvalSymlinks(e)
	use(r, "binary")
	use(r+".old", "binary")
	use(r+"/x", "binary")
	use(fmt.Sprintf("%s/%s", filepath.Dir(r), "x"), "binary")
	use(filepath.Dir(fmt.Sprintf("%s/x", filepath.Dir(r))), "binary")
	use(filepath.Dir(r), "binary")
	use(filepath.Join(filepath.Dir(r), "app.new"), "binary")
	use(filepath.Dir(filepath.Join(filepath.Dir(r), "x")), "binary")
	use(filepath.Dir(filepath.Dir(r)), "unknown")   // the parent of the program's directory
	use(filepath.Dir(r)+".old", "unknown")          // beside the program's directory
	use(filepath.Join(filepath.Dir(r), "..", "x"), "unknown")
	use(filepath.Dir("/tmp/x"), "unknown")          // Dir reads only the program's paths
	use(filepath.Dir(filepath.Join("/etc", "x")), "unknown")
	f, _ := os.CreateTemp(filepath.Dir(r), "app")
	use(f.Name(), "tempfile") // the temporary file itself
	use(f.Name()+".sig", "binary") // another name, in its directory
	g, _ := os.CreateTemp("", "app")
	use(g.Name(), "tempfile")
	use(g.Name()+".sig", "unknown") // not the temporary file; a suffix is not read
	h, _ := os.CreateTemp("/var/lib/app", "app")
	use(h.Name(), "tempfile")
	use(filepath.Join(h.Name()+".d", "x"), "unknown")
	var k *os.File
	k, _ = os.CreateTemp(filepath.Dir(r), "app")
	defer func() { k.Close() }()
	use(k.Name(), "tempfile")
	name := g.Name()
	use(name, "tempfile")
	o, _ := os.Create(filepath.Join(filepath.Dir(r), "x"))
	use(o.Name(), "unknown") // only os.CreateTemp's names are read
}

func To() error {
	e, err := os.Executable()
	if err != nil {
		return err
	}
	e, err = filepath.EvalSymlinks(e)
	if err != nil {
		return err
	}
	return upgrade(e)
}

func upgrade(binary string) error { return fetch("app", filepath.Dir(binary)) }

func fetch(name, dir string) error {
	use(name, "unknown") // a constant name: no directory
	return write(dir)
}

func write(dir string) error {
	f, err := os.CreateTemp(dir, "app")
	if err != nil {
		return err
	}
	use(f.Name(), "tempfile")
	use(f.Name()+".old", "binary")
	use(dir, "binary")
	return nil
}

func agree() {
	system("/etc/app")
	system(filepath.Join("/var/lib", "app"))
	defer system("/etc/x") // a deferred call's arguments are its statement's
}

func system(p string) { use(p, "system") }

func disagree() {
	mixed("/etc/app")
	mixed("/tmp/app")
}

func mixed(p string) { use(p, "unknown") }

func Exported(p string) {
	use(p, "unknown") // another package may call it
	inner(p)
}

func inner(p string) { use(p, "unknown") } // its caller passes an exported function's parameter

var hook = escapes

func escapes(p string) { use(p, "unknown") } // its value escapes: other calls may pass anything

func callEscapes() { escapes("/etc/app") }

func uncalled(p string) { use(p, "unknown") }

func recursive(p string, n int) {
	use(p, "unknown") // a cycle through the callers
	if n > 0 {
		recursive(filepath.Join(p, "x"), n-1)
	}
}

func callRecursive() { recursive("/etc/app", 1) }

type T struct{}

func (T) method(p string) { use(p, "unknown") } // an interface call may reach it

func callMethod() { T{}.method("/etc/app") }

func captures(dir string) {
	func() { use(dir, "system") }()
	g := func() { use(filepath.Join(dir, "x"), "system") }
	g()
}

func reassigned(dir string) {
	func() { dir = "/tmp" }()
	use(dir, "unknown") // the closure stores to it
}

func callCaptures() {
	captures("/etc/app")
	reassigned("/etc/app")
}

// package-level variables: the root their stores agree on
var stateDir = filepath.Join(os.Getenv("HOME"), ".app")

var sysDir string

func setSys() { sysDir = "/var/lib/app" }

var flagDir = "/etc/app"

func setFlag() { flag.StringVar(&flagDir, "dir", "", "") }

var ExportedDir = "/etc/app"

var unset string

var twoDirs = "/etc/app"

func setTwo() { twoDirs = "/tmp/app" }

var selfDir = "/etc/app"

func globals() {
	use(filepath.Join(stateDir, "x"), "user")
	use(sysDir, "system")
	use(flagDir, "unknown")     // its address escapes: flag.StringVar may store anything
	use(ExportedDir, "unknown") // another package may store anything
	use(unset, "unknown")       // never stored
	use(twoDirs, "unknown")     // the stores disagree
	selfDir = filepath.Join(selfDir, "x")
	use(selfDir, "unknown") // a cycle through its own stores
}

func use(p, want string) {}
`

func TestRootsThroughCallers(t *testing.T) {
	pkg, fset := buildSource(t, callersSrc)
	var fns []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		fns = append(fns, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			add(fn)
		}
	}
	for _, typ := range []string{"T"} {
		mset := pkg.Prog.MethodSets.MethodSet(pkg.Type(typ).Type())
		for i := range mset.Len() {
			add(pkg.Prog.MethodValue(mset.At(i)))
		}
	}
	built := 0
	roots := pathflow.NewRoots(func() *ssakit.Callers {
		built++
		return ssakit.NewCallers(fns)
	})
	checkUses(t, fset, pkg, fns, 45, func(path ssa.Value, at *ssa.Call) string {
		return roots.RootOf(path, at).String()
	})
	if built != 1 {
		t.Errorf("the callers index was built %d times, want 1", built)
	}
}
