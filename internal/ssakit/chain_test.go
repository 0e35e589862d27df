package ssakit_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/passes/byname"
	"github.com/toctou/toctou/passes/lockfile"
	"github.com/toctou/toctou/passes/partialwrite"
	"github.com/toctou/toctou/passes/pathrace"
	"github.com/toctou/toctou/passes/tempname"
)

// TestChainTenDeep runs every file check over one tree
// (testdata/src/example.com/chain): package app calls helper chains ten
// deep across three packages (app, mid, low), which pass the path through
// a validating cleaner (low.CleanAndValidate, the founding case's
// cleanAndValidate shape) at level 8 and operate on it at level 10. Each
// check has a case in app that ends in its own bad shape, marked
// "// chain: NAME PATH"; each must report there, naming the caller's path,
// and nowhere else in app. A round cap on the summaries, or a cleaner a
// check does not see through, makes it miss.
//
// One tree serves five analyzers, so the cases carry markers instead of
// analysistest's "want" comments (which would be unexpected for the other
// four); analysistest's complaints about unexpected diagnostics and facts
// are what this test checks itself.
func TestChainTenDeep(t *testing.T) {
	dir := analysistest.TestData()
	want := markers(t, filepath.Join(dir, "src", "example.com", "chain", "app", "app.go"))
	for _, a := range []*analysis.Analyzer{pathrace.Analyzer, tempname.Analyzer, byname.Analyzer, partialwrite.Analyzer, lockfile.Analyzer} {
		t.Run(a.Name, func(t *testing.T) {
			rec := &recorder{t: t}
			results := analysistest.Run(rec, dir, a, "example.com/chain/app")
			got := map[int][]string{}
			for _, r := range results {
				for _, d := range r.Diagnostics {
					pos := r.Pass.Fset.Position(d.Pos)
					got[pos.Line] = append(got[pos.Line], d.Message)
				}
			}
			found := false
			for line, m := range want {
				if m.check != a.Name {
					continue
				}
				found = true
				msgs := got[line]
				if len(msgs) == 0 {
					t.Errorf("app.go:%d: %s reports nothing; it must see through the ten levels", line, a.Name)
				}
				for _, msg := range msgs {
					if !strings.Contains(msg, m.path) {
						t.Errorf("app.go:%d: %s: %q does not name %s", line, a.Name, msg, m.path)
					}
				}
				delete(got, line)
			}
			if !found {
				t.Fatalf("no case marked for %s", a.Name)
			}
			for line, msgs := range got {
				t.Errorf("app.go:%d: unexpected %s report: %q", line, a.Name, msgs)
			}
		})
	}
}

type marker struct{ check, path string }

// markers returns the "// chain: NAME PATH" markers of a file, by line.
func markers(t *testing.T, file string) map[int]marker {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[int]marker{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		_, m, ok := strings.Cut(sc.Text(), "// chain: ")
		if !ok {
			continue
		}
		check, path, _ := strings.Cut(m, " ")
		out[line] = marker{check, path}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// recorder passes analysistest's errors on, except those about
// diagnostics and facts no "want" comment expects: the test checks the
// diagnostics itself, from the markers.
type recorder struct{ t *testing.T }

func (r *recorder) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "unexpected diagnostic") || strings.Contains(msg, "unexpected fact") {
		return
	}
	r.t.Helper()
	r.t.Error(msg)
}
