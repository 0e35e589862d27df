package golangci

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, row := range analyzer.Passes() {
		if row.Default {
			want = append(want, row.Analyzer.Name)
		}
	}
	want = append(want, driver.CheckerName)
	if got := names(as); !slices.Equal(got, want) {
		t.Errorf("default analyzers %v, want the default passes and the directive checker %v", got, want)
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
}

func TestSettings(t *testing.T) {
	rows := analyzer.Passes()
	first := rows[0].Analyzer.Name

	// Every pass enabled, then the first one disabled.
	var all []any
	for _, row := range rows {
		all = append(all, row.Analyzer.Name)
	}
	p, err := New(map[string]any{"enable": all})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if len(as) != len(rows)+1 {
		t.Errorf("enable all: got %v", names(as))
	}
	p, err = New(map[string]any{"disable": []any{first}})
	if err != nil {
		t.Fatal(err)
	}
	as, _ = p.BuildAnalyzers()
	if slices.Contains(names(as), first) {
		t.Errorf("disable %s: still in %v", first, names(as))
	}

	// Flags of a pass and of the directive checker, set to the values
	// they have, so that other tests see no change.
	flags := map[string]any{driver.CheckerName: map[string]any{"unused": true}}
	for _, row := range rows {
		row.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if flags[row.Analyzer.Name] == nil {
				flags[row.Analyzer.Name] = map[string]any{f.Name: f.Value.String()}
			}
		})
	}
	p, err = New(map[string]any{"flags": flags})
	if err != nil {
		t.Fatal(err)
	}
	as, _ = p.BuildAnalyzers()
	if got := as[len(as)-1].Flags.Lookup("unused").Value.String(); got != "true" {
		t.Errorf("ignoredirective.unused = %s after setting it", got)
	}

	for _, bad := range []struct {
		conf any
		want string
	}{
		{map[string]any{"enabel": []any{first}}, `unknown field "enabel"`},
		{map[string]any{"disable": []any{"nosuchpass"}}, `unknown pass "nosuchpass"`},
		{map[string]any{"enable": []any{first}, "disable": []any{first}}, "both enabled and disabled"},
		{map[string]any{"flags": map[string]any{"nosuchpass": map[string]any{"x": 1}}}, `unknown pass "nosuchpass"`},
		{map[string]any{"flags": map[string]any{first: map[string]any{"nosuchflag": 1}}}, `has no flag "nosuchflag"`},
		{map[string]any{"flags": map[string]any{driver.CheckerName: map[string]any{"unused": "maybe"}}}, "ignoredirective.unused"},
	} {
		_, err := New(bad.conf)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("New(%v) = %v, want an error containing %q", bad.conf, err, bad.want)
		}
	}
}

func TestFlagValue(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{"30s", "30s"}, {true, "true"}, {float64(3), "3"}, {1.5, "1.5"},
		{[]any{"Idempotency-Key", "X-Request-Id"}, "Idempotency-Key,X-Request-Id"},
	} {
		if got, err := flagValue(c.in); err != nil || got != c.want {
			t.Errorf("flagValue(%v) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := flagValue([]any{1}); err == nil {
		t.Error("flagValue accepted a list of numbers")
	}
}
