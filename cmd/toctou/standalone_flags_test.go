package main

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestChooseAnalyzers(t *testing.T) {
	// pathrace and tempname are on by default, blindretry is off, and the
	// directive checker is on.
	var all []*analysis.Analyzer
	for _, name := range []string{"pathrace", "tempname", "blindretry", "ignoredirective"} {
		all = append(all, &analysis.Analyzer{Name: name})
	}
	names := func(as []*analysis.Analyzer) string {
		var s []string
		for _, a := range as {
			s = append(s, a.Name)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		states          []triState
		enable, disable []string
		want            string
	}{
		{[]triState{unset, unset, unset, unset}, nil, nil, "pathrace,tempname,ignoredirective"},
		{[]triState{setTrue, unset, unset, unset}, nil, nil, "pathrace"},
		{[]triState{unset, setFalse, unset, unset}, nil, nil, "pathrace,ignoredirective"},
		{[]triState{setTrue, setFalse, unset, unset}, nil, nil, "pathrace"},
		{[]triState{unset, unset, setTrue, unset}, nil, nil, "blindretry"},
		{[]triState{unset, unset, unset, unset}, []string{"blindretry"}, nil, "pathrace,tempname,blindretry,ignoredirective"},
		{[]triState{unset, unset, unset, unset}, []string{"blindretry"}, []string{"pathrace", "tempname"}, "blindretry,ignoredirective"},
		{[]triState{setTrue, unset, unset, unset}, []string{"tempname"}, nil, "pathrace,tempname"},
	} {
		sel := make(map[*analysis.Analyzer]*triState)
		for i, s := range tc.states {
			sel[all[i]] = &s
		}
		got, err := chooseAnalyzers(all, sel, tc.enable, tc.disable)
		if err != nil || names(got) != tc.want {
			t.Errorf("selection %v +%v -%v: got %s (%v), want %s", tc.states, tc.enable, tc.disable, names(got), err, tc.want)
		}
		for _, a := range got {
			if *sel[a] != setTrue {
				t.Errorf("selection %v +%v -%v: %s chosen but its flag is not set to true", tc.states, tc.enable, tc.disable, a.Name)
			}
		}
	}
	sel := make(map[*analysis.Analyzer]*triState)
	for _, a := range all {
		sel[a] = new(triState)
	}
	if _, err := chooseAnalyzers(all, sel, []string{"pathrcae"}, nil); err == nil {
		t.Error("chooseAnalyzers accepts an unknown name")
	}
	var ts triState
	if ts.Get() != false || ts.Set("true") != nil || ts.Get() != true || ts.Set("maybe") == nil {
		t.Error("triState does not behave like multichecker's selection flags")
	}
}

func TestValidateFlagCombination(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"-json", "./..."}, true},
		{[]string{"-sarif", "./..."}, true},
		{[]string{"-fix", "-diff", "./..."}, true},
		{[]string{"-json=false", "-fix", "./..."}, true},
		{[]string{"-json", "-sarif", "./..."}, false},
		{[]string{"-json", "-fix", "./..."}, false},
		{[]string{"-sarif", "-fix", "./..."}, false},
		{[]string{"-sarif", "-diff", "./..."}, false},
		{[]string{"-json", "-fix", "-diff", "./..."}, false},
		{[]string{"-c", "2", "-json", "./..."}, true},
		{[]string{"./...", "-json", "-fix"}, true}, // package names, however odd
	} {
		if err := validateFlagCombination(argFlags(c.args)); (err == nil) != c.ok {
			t.Errorf("validateFlagCombination(%q) = %v, want ok=%v", c.args, err, c.ok)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	flags, positional := splitArgs([]string{"-c", "2", "-nodeadline.timeout", "5s", "-pathrace.tests", "--json", "help", "-x"})
	if want := []string{"c", "nodeadline.timeout", "pathrace.tests", "json"}; !slices.Equal(flags, want) {
		t.Errorf("flags %q, want %q", flags, want)
	}
	if want := []string{"help", "-x"}; !slices.Equal(positional, want) {
		t.Errorf("positional %q, want %q", positional, want)
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
		// Fixes come from the standalone checker too (fix.go).
		{[]string{"-fix", "./..."}, true},
		{[]string{"-fix", "-diff", "./..."}, true},
		{[]string{"--diff", "./..."}, true},
		{[]string{"-fix", "-diff", "/tmp/x/vet.cfg"}, false},
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
