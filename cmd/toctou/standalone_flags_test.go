package main

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSelectAnalyzers(t *testing.T) {
	a, b, c := &analysis.Analyzer{Name: "a"}, &analysis.Analyzer{Name: "b"}, &analysis.Analyzer{Name: "c"}
	all := []*analysis.Analyzer{a, b, c}
	sel := func(states ...triState) map[*analysis.Analyzer]*triState {
		m := make(map[*analysis.Analyzer]*triState)
		for i, s := range states {
			m[all[i]] = &s
		}
		return m
	}
	names := func(as []*analysis.Analyzer) (s string) {
		for _, a := range as {
			s += a.Name
		}
		return s
	}
	for _, tc := range []struct {
		states []triState
		want   string
	}{
		{[]triState{unset, unset, unset}, "abc"},
		{[]triState{setTrue, unset, unset}, "a"},
		{[]triState{unset, setFalse, unset}, "ac"},
		{[]triState{setTrue, setFalse, unset}, "a"},
	} {
		if got := names(selectAnalyzers(all, sel(tc.states...))); got != tc.want {
			t.Errorf("selection %v: got %s, want %s", tc.states, got, tc.want)
		}
	}
	var ts triState
	if ts.Get() != false || ts.Set("true") != nil || ts.Get() != true || ts.Set("maybe") == nil {
		t.Error("triState does not behave like multichecker's selection flags")
	}
}

func TestStandaloneRequested(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, true},
		{[]string{"-json", "-c", "2", "./..."}, true},
		{[]string{"-pathrace", "-pathrace.tests", "./..."}, true},
		{[]string{"-sarif", "./..."}, true},
		{[]string{}, true}, // prints the usage
		{[]string{"-fix", "./..."}, false},
		{[]string{"-fix", "-diff", "./..."}, false},
		{[]string{"--diff", "./..."}, false},
		{[]string{"-V=full"}, false},
		{[]string{"-flags"}, false},
		{[]string{"-debug=t", "./..."}, false},
		{[]string{"help"}, false},
		{[]string{"help", "pathrace"}, false},
		{[]string{"/tmp/x/vet.cfg"}, false},
		{[]string{"--", "-fix"}, true}, // a package named -fix, however odd
	} {
		if got := standaloneRequested(c.args); got != c.want {
			t.Errorf("standaloneRequested(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
