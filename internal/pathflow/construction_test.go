package pathflow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

const constructionSrc = `package p

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

type S struct{ dir, other string }

const lockName = "/run/p.lock"

var global string

func escaped(dir, name string) string { return filepath.Join(dir, name) }

func sink(string) {}

// Each function names one file; the test compares a's with the others.

func a(s *S, key string) { sink(filepath.Join(s.dir, key+".lock")) }

func sameBuild(s *S, k string)   { sink(filepath.Join(s.dir, k+".lock")) }
func cleaned(s *S, k string)     { p := filepath.Join(s.dir, k+".lock"); sink(filepath.Clean(p)) }
func otherField(s *S, k string)  { sink(filepath.Join(s.other, k+".lock")) }
func otherSuffix(s *S, k string) { sink(filepath.Join(s.dir, k+".pid")) }
func otherFunc(s *S, k string)   { sink(escaped(s.dir, k+".lock")) }
func bareParam(p string)         { sink(p) }
func sprintf(dir, k string)      { sink(fmt.Sprintf("%s/%s.lock", dir, k)) }
func sprintfVerb(dir, k string)  { sink(fmt.Sprintf("%s/%s", dir, k)) }
func phi(s *S, k string, b bool) {
	p := k
	if b {
		p = global
	}
	sink(filepath.Join(s.dir, p+".lock"))
}
func constant()  { sink(lockName) }
func constant2() { sink(lockName) }
func otherConst() { sink("/run/q.pid") }
func loaded()    { sink(global) }
func suffixConst() { sink(filepath.Join(global, "p.lock")) }

// Names found by listing a directory, and look-alikes.

func listed(s *S) {
	es, _ := os.ReadDir(s.dir)
	for _, e := range es {
		sink(filepath.Join(s.dir, e.Name()))
	}
}
func walked(s *S) {
	filepath.Walk(s.dir, func(path string, info os.FileInfo, err error) error {
		sink(path)
		return nil
	})
}
func walkedDir(s *S) {
	filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		sink(path)
		return nil
	})
}
func notListed(s *S, names []string) {
	for _, n := range names {
		sink(filepath.Join(s.dir, n))
	}
}
func callback(s *S) {
	visit := func(path string, n int, err error) error {
		sink(path)
		return nil
	}
	_ = visit
}
`

func TestMayNameSame(t *testing.T) {
	pkg, _ := buildSource(t, constructionSrc)
	sunk := func(name string) ssa.Value {
		for _, b := range pkg.Func(name).Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() == pkg.Func("sink") {
					return call.Call.Args[0]
				}
			}
		}
		t.Fatalf("no sink call in %s", name)
		return nil
	}
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"a", "sameBuild", true},
		{"a", "cleaned", true},
		{"a", "otherField", true}, // the same ending: it leans towards yes
		{"a", "otherSuffix", false},
		{"a", "otherFunc", true}, // a helper's result may be anything
		{"a", "bareParam", true},
		{"a", "sprintf", true},
		{"otherSuffix", "sprintf", false},
		{"a", "sprintfVerb", true},
		{"a", "listed", true},
		{"a", "phi", true},
		{"constant", "constant2", true},
		{"constant", "otherConst", false},
		{"constant", "loaded", true},
		{"constant", "suffixConst", true}, // "/run/p.lock" ends in "p.lock"
		{"a", "constant", true},
		{"otherSuffix", "constant", false},
	} {
		if got := pathflow.MayNameSame(sunk(c.x), sunk(c.y)); got != c.want {
			t.Errorf("MayNameSame(%s's name, %s's) = %v, want %v", c.x, c.y, got, c.want)
		}
		if got := pathflow.MayNameSame(sunk(c.y), sunk(c.x)); got != c.want {
			t.Errorf("MayNameSame(%s's name, %s's) = %v, want %v", c.y, c.x, got, c.want)
		}
	}
}

func TestListed(t *testing.T) {
	pkg, _ := buildSource(t, constructionSrc)
	for name, want := range map[string]bool{
		"listed": true, "walked": true, "walkedDir": true,
		"notListed": false, "callback": false, "a": false, "bareParam": false,
	} {
		var got bool
		found := false
		for _, fn := range append([]*ssa.Function{pkg.Func(name)}, pkg.Func(name).AnonFuncs...) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() == pkg.Func("sink") {
						got, found = pathflow.Listed(call.Call.Args[0]), true
					}
				}
			}
		}
		if !found {
			t.Fatalf("no sink call in %s", name)
		}
		if got != want {
			t.Errorf("Listed(%s's name) = %v, want %v", name, got, want)
		}
	}
}
