package sarif

import (
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
)

func TestUTF16Column(t *testing.T) {
	for _, c := range []struct {
		line      string
		col, want int
	}{
		{"abc", 1, 1},
		{"abc", 3, 3},
		{"é = x", 4, 3},        // é is 2 bytes, 1 UTF-16 unit
		{"😀 = x", 6, 4},        // 😀 is 4 bytes, 2 UTF-16 units
		{"ab\n", 4, 4},         // the end of the line
		{"ab", 5, 5},           // past the end: counted as bytes
		{"\tx := \"ü\"", 9, 9}, // before the multi-byte rune
	} {
		if got := UTF16Column(c.line, c.col); got != c.want {
			t.Errorf("UTF16Column(%q, %d) = %d, want %d", c.line, c.col, got, c.want)
		}
	}
}

func TestBuilder(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nvar s = \"é\"; var x = 1\n"
	file := filepath.Join(dir, "sub", "p.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(file, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	pos := func(sub string) token.Pos { return tf.Pos(strings.Index(src, sub)) }

	a := &analysis.Analyzer{Name: "demo", Doc: "report demo things\n\nMore:\n\n\tcode()", URL: "https://example.com/demo"}
	rows := []analyzer.Pass{{Analyzer: a, CWE: []int{367}, Severity: analyzer.Error, Default: true}}
	b := NewBuilder(dir, "v1.2.3", []*analysis.Analyzer{a}, rows)
	d := analysis.Diagnostic{
		Pos: pos("var x"), End: pos("var x") + 5, Category: "cat", Message: "x is reported",
		Related: []analysis.RelatedInformation{{Pos: pos("var s"), Message: "s is related"}},
		SuggestedFixes: []analysis.SuggestedFix{{Message: "rename x", TextEdits: []analysis.TextEdit{
			{Pos: pos("x = 1"), End: pos("x = 1") + 1, NewText: []byte("y")},
		}}},
	}
	for range 2 { // the second one is a duplicate
		if err := b.Add(fset, "demo", d); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Add(fset, "other", d); err == nil {
		t.Error("Add accepted a diagnostic of an analyzer without a rule")
	}
	log := b.Log()
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 1 {
		t.Fatalf("%d results, want 1: %s", len(run.Results), data)
	}
	r := run.Results[0]
	loc := r.Locations[0].PhysicalLocation
	// "var x" starts at byte column 15 and UTF-16 column 14 (é).
	if loc.ArtifactLocation.URI != "sub/p.go" || loc.ArtifactLocation.URIBaseID != SrcRoot ||
		loc.Region.StartLine != 3 || loc.Region.StartColumn != 14 || loc.Region.EndColumn != 19 {
		t.Errorf("location %+v %+v", loc.ArtifactLocation, *loc.Region)
	}
	if r.Level != "error" || r.RuleID != "demo" || r.Properties["category"] != "cat" {
		t.Errorf("result %+v", r)
	}
	if len(r.RelatedLocations) != 1 || r.RelatedLocations[0].Message.Text != "s is related" {
		t.Errorf("related %+v", r.RelatedLocations)
	}
	if len(r.Fixes) != 1 || r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "y" {
		t.Errorf("fixes %+v", r.Fixes)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.HelpURI != a.URL || rule.ShortDescription.Text != "Report demo things." ||
		!strings.Contains(rule.Help.Markdown, "```go\ncode()\n```") {
		t.Errorf("rule %+v, help markdown %q", rule, rule.Help.Markdown)
	}
	if run.Tool.Driver.Version != "1.2.3" || len(run.Taxonomies) != 1 || run.Taxonomies[0].Taxa[0].ID != "367" {
		t.Errorf("driver %+v, taxonomies %+v", run.Tool.Driver, run.Taxonomies)
	}
}
