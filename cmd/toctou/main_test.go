package main

import (
	"flag"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestOptIn(t *testing.T) {
	ran := false
	a := &analysis.Analyzer{Name: "quiet", Doc: "off by default",
		Run: func(*analysis.Pass) (any, error) { ran = true; return nil, nil }}
	flags := flag.NewFlagSet("toctou", flag.ContinueOnError)
	selected := flags.Bool("quiet", false, "enable quiet analysis")
	wrapped := optIn(a, flags)
	if wrapped == a || wrapped.Name != a.Name {
		t.Fatalf("optIn must return a renamed-free copy, got %p (name %q) for %p", wrapped, wrapped.Name, a)
	}
	if _, err := wrapped.Run(nil); err != nil || ran {
		t.Fatalf("unselected opt-in pass ran (ran=%v, err=%v)", ran, err)
	}
	*selected = true
	if _, err := wrapped.Run(nil); err != nil || !ran {
		t.Fatalf("selected opt-in pass did not run (ran=%v, err=%v)", ran, err)
	}
}

func TestSuiteKeepsNames(t *testing.T) {
	for _, a := range suite(flag.NewFlagSet("toctou", flag.ContinueOnError), false) {
		if a.Name == "" || a.Run == nil {
			t.Errorf("suite has an analyzer without name or run: %+v", a)
		}
	}
}
