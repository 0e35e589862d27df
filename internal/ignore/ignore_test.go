package ignore_test

import (
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/toctou/toctou/internal/ignore"
)

// bad reports every call of a function named bad, like a pass would.
var bad = &analysis.Analyzer{
	Name: "bad",
	Doc:  "report calls of bad",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						pass.Reportf(call.Pos(), "call of bad")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// other is a second pass, never suppressed by directives naming bad.
var other = &analysis.Analyzer{
	Name: "other",
	Doc:  "report calls of other",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "other" {
						pass.Reportf(call.Pos(), "call of other")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

const src = `package p

func bad()   {}
func other() {}

func f() {
	bad() // line 7: reported

	//toctou:ignore bad the callee is harmless here
	bad() // line 10: suppressed by the line above

	bad() //toctou:ignore bad trailing, suppresses its own line

	//toctou:ignore bad
	bad() // line 15: reported, and line 14 is reported: no reason

	//toctou:ignore bda a typo
	bad() // line 18: reported, and line 17: unknown name

	//toctou:ignore bad,other both at once
	//toctou:ignore other stacked directives apply to the next code line
	other() // line 22: suppressed

	//toctou:ignore bad nothing to suppress on the next line
	other() // line 25: reported; line 24 is unused

	//toctou:ignore
	bad() // line 28: reported; line 27 names no check

	//toctou:ignorebad not a directive at all
	bad() // line 31: reported
}
`

// analyze runs the wrapped passes and the directive checker on src and
// returns "line: analyzer: message" for each diagnostic, sorted.
func analyze(t *testing.T, unused bool) []string {
	t.Helper()
	got, _ := analyzeAll(t, unused)
	return got
}

// analyzeAll is analyze, and also returns the diagnostics that directives
// dropped, as the Index that the directive checker returns holds them: "line: analyzer: message
// [directive line: reason ...]", sorted.
func analyzeAll(t *testing.T, unused bool) (got, suppressed []string) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{"go.mod": "module example.com/p\n\ngo 1.26\n", "p.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off")}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("load: %v", err)
	}
	parser := ignore.NewParser([]string{"bad", "other"})
	passes := []*analysis.Analyzer{ignore.Wrap(bad, parser), ignore.Wrap(other, parser)}
	check := ignore.NewChecker(parser, passes)
	if unused {
		if err := check.Flags.Set("unused", "true"); err != nil {
			t.Fatal(err)
		}
	}
	graph, err := checker.Analyze(append(passes, check), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			got = append(got, fmt.Sprintf("%d: %s: %s", act.Package.Fset.Position(d.Pos).Line, act.Analyzer.Name, d.Message))
		}
	}
	indexes := 0
	for _, act := range graph.Roots {
		index, ok := act.Result.(*ignore.Index)
		if !ok {
			continue
		}
		indexes++
		fset := act.Package.Fset
		for _, s := range index.Suppressed() {
			line := fmt.Sprintf("%d: %s: %s", fset.Position(s.Diagnostic.Pos).Line, s.Analyzer, s.Diagnostic.Message)
			for _, d := range s.Directives {
				line += fmt.Sprintf(" [%d: %s]", fset.Position(d.Pos).Line, d.Reason)
			}
			suppressed = append(suppressed, line)
		}
	}
	if indexes != 1 {
		t.Errorf("%d results of type *ignore.Index, want 1 (the directive checker's on the one package)", indexes)
	}
	byLine := func(a, b string) int {
		var la, lb int
		fmt.Sscanf(a, "%d:", &la)
		fmt.Sscanf(b, "%d:", &lb)
		if la != lb {
			return la - lb
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(got, byLine)
	slices.SortFunc(suppressed, byLine)
	return got, suppressed
}

func TestDirectives(t *testing.T) {
	want := []string{
		"7: bad: call of bad",
		"14: ignoredirective: //toctou:ignore bad gives no reason; it suppresses nothing until it says why the finding does not apply",
		"15: bad: call of bad",
		`17: ignoredirective: //toctou:ignore names "bda", which is not a toctou check (checks: bad, other); it suppresses nothing`,
		"18: bad: call of bad",
		"25: other: call of other",
		"27: ignoredirective: //toctou:ignore needs the name of a check and a reason, as in //toctou:ignore bad the directory is private to this process",
		"28: bad: call of bad",
		"31: bad: call of bad",
	}
	if got := analyze(t, false); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// With -unused, the directive of line 24 is reported too. The one of
	// line 20 names other, which it used, and bad, which reported
	// nothing on line 22.
	wantUnused := slices.Clone(want)
	wantUnused = append(wantUnused,
		"20: ignoredirective: //toctou:ignore bad suppresses nothing on line 22; remove it",
		"24: ignoredirective: //toctou:ignore bad suppresses nothing on line 25; remove it")
	slices.SortStableFunc(wantUnused, func(a, b string) int {
		var la, lb int
		fmt.Sscanf(a, "%d:", &la)
		fmt.Sscanf(b, "%d:", &lb)
		return la - lb
	})
	if got := analyze(t, true); !slices.Equal(got, wantUnused) {
		t.Errorf("diagnostics with -unused:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(wantUnused, "\n\t"))
	}
}

// TestSuppressed checks that the Index keeps each dropped diagnostic with
// the directives that dropped it, and nothing else: not the diagnostics
// of malformed directives' lines, nor those of passes a directive does
// not name.
func TestSuppressed(t *testing.T) {
	want := []string{
		"10: bad: call of bad [9: the callee is harmless here]",
		"12: bad: call of bad [12: trailing, suppresses its own line]",
		"22: other: call of other [20: both at once] [21: stacked directives apply to the next code line]",
	}
	if _, got := analyzeAll(t, false); !slices.Equal(got, want) {
		t.Errorf("suppressed:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
