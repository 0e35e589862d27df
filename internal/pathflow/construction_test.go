package pathflow_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

const constructionSrc = `package p

import (
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

func sameBuild(s *S, k string) { sink(filepath.Join(s.dir, k+".lock")) }
func cleaned(s *S, k string)   { p := filepath.Join(s.dir, k+".lock"); sink(filepath.Clean(p)) }
func otherField(s *S, k string) { sink(filepath.Join(s.other, k+".lock")) }
func otherSuffix(s *S, k string) { sink(filepath.Join(s.dir, k+".pid")) }
func otherFunc(s *S, k string) { sink(escaped(s.dir, k+".lock")) }
func bareParam(p string)       { sink(p) }
func listed(s *S) {
	es, _ := os.ReadDir(s.dir)
	for _, e := range es {
		sink(filepath.Join(s.dir, e.Name()))
	}
}
func phi(s *S, k string, b bool) {
	p := k
	if b {
		p = global
	}
	sink(filepath.Join(s.dir, p+".lock"))
}
func constant() { sink(lockName) }
func constant2() { sink(lockName) }
func loaded() { sink(global) }
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
		{"a", "otherField", false},
		{"a", "otherSuffix", false},
		{"a", "otherFunc", false},
		{"a", "bareParam", false},
		{"a", "listed", false},
		{"a", "phi", true}, // the phi may be anything
		{"constant", "constant2", true},
		{"constant", "loaded", false},
		{"a", "constant", false},
	} {
		if got := pathflow.MayNameSame(sunk(c.x), sunk(c.y)); got != c.want {
			t.Errorf("MayNameSame(%s's name, %s's) = %v, want %v", c.x, c.y, got, c.want)
		}
		if got := pathflow.MayNameSame(sunk(c.y), sunk(c.x)); got != c.want {
			t.Errorf("MayNameSame(%s's name, %s's) = %v, want %v", c.y, c.x, got, c.want)
		}
	}
}
