package analysisutil_test

import (
	"errors"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/analysisutil"
)

func TestGuardTurnsPanicIntoError(t *testing.T) {
	run := analysisutil.Guard("boom", func(*analysis.Pass) (any, error) {
		panic(errors.New("synthetic failure"))
	})
	pass := &analysis.Pass{Pkg: types.NewPackage("example.com/p", "p")}
	res, err := run(pass)
	if err == nil {
		t.Fatal("Guard returned no error for a panicking pass")
	}
	if res != nil {
		t.Errorf("result = %v, want nil", res)
	}
	for _, want := range []string{"toctou pass boom", "example.com/p", "synthetic failure"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestGuardPassesResultsThrough(t *testing.T) {
	run := analysisutil.Guard("calm", func(*analysis.Pass) (any, error) { return 42, nil })
	res, err := run(&analysis.Pass{Pkg: types.NewPackage("p", "p")})
	if err != nil || res != 42 {
		t.Fatalf("got (%v, %v), want (42, nil)", res, err)
	}
}

func TestExtractDoc(t *testing.T) {
	const src = `// Package x does things.
//
// # Analyzer x
//
// x: report things
//
// Details here.
//
// # Other heading
//
// Not part of it.
package x
`
	got, err := analysisutil.ExtractDoc(src, "x")
	if err != nil {
		t.Fatal(err)
	}
	if want := "report things\n\nDetails here."; got != want {
		t.Errorf("ExtractDoc = %q, want %q", got, want)
	}
	if _, err := analysisutil.ExtractDoc(src, "y"); err == nil {
		t.Error("ExtractDoc found a section for an analyzer the doc does not have")
	}
}
