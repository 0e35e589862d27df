package pathflow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
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
	n := 0
	for _, name := range []string{"f", "own", "ownIgnored", "ownWritable", "ownAfter", "ownShared", "fresh", "mixed"} {
		for _, b := range pkg.Func(name).Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || call.Call.StaticCallee() != pkg.Func("use") {
					continue
				}
				n++
				want := call.Call.Args[1].(*ssa.Const).Value.ExactString()
				d := pathflow.DirOf(call.Call.Args[0], call)
				got := d.Root.String()
				if d.Volatile {
					got += " volatile"
				}
				if `"`+got+`"` != want {
					t.Errorf("%s: DirOf = %s, want %s", fset.Position(call.Pos()), got, want)
				}
			}
		}
	}
	if n != 20 {
		t.Errorf("saw %d uses, want 20", n)
	}
}
