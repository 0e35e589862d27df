package sarif

import (
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"slices"
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

// TestLineHashes checks LineHashes against the expectations of
// github/codeql-action's own tests of the algorithm (src/fingerprints.test.ts).
func TestLineHashes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"", []string{"c129715d7a2bc9a3:1"}},
		{" a\nb\n  \t\tc\n d", []string{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"}},
		{" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", []string{
			"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"}},
		{" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", endsInNewline},
		{" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", endsInNewline},
		{" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", endsInNewline},
		{" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", endsInNewline},
		{strings.Repeat("Lorem ipsum dolor sit amet.\n", 10), []string{
			"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
			"a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
			"c129715d7a2bc9a3:1"}},
		{"x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n", []string{
			"e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
			"54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"}},
	} {
		if got := LineHashes(c.text); !slices.Equal(got, c.want) {
			t.Errorf("LineHashes(%q) =\n\t%v\nwant\n\t%v", c.text, got, c.want)
		}
	}
	// Two lines of the action's end-to-end test, fingerprinting.expected.sarif.
	for _, c := range []struct {
		text string
		line int
		want string
	}{
		{"var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n", 1, "5e4d5a9cf1294ad9:1"},
		{"var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n", 2, "f7592a95a9381ac0:1"},
	} {
		if got := LineHashes(c.text); len(got) < c.line || got[c.line-1] != c.want {
			t.Errorf("LineHashes(%q) = %v, want %s on line %d", c.text, got, c.want, c.line)
		}
	}
	if got := LineHashes("package p\n\xff\n"); got != nil {
		t.Errorf("LineHashes of invalid UTF-8 = %v, want nil (the action's decoding is not Go's)", got)
	}
}

// endsInNewline is the hashes of " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"
// and of the same text with other line breaks.
var endsInNewline = []string{
	"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
	"b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
}

// logOf writes src to p.go in a new directory, reports one diagnostic of
// rows[0]'s analyzer at each line that contains a string of at, with the
// category cat, and returns the log (root: the directory).
func logOf(t *testing.T, rows []analyzer.Pass, src, cat string, at ...string) *Log {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(file, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	a := rows[0].Analyzer
	b := NewBuilder(dir, "", []*analysis.Analyzer{a}, rows)
	for _, sub := range at {
		for off := 0; ; {
			i := strings.Index(src[off:], sub)
			if i < 0 {
				break
			}
			pos := tf.Pos(off + i)
			if err := b.Add(fset, a.Name, analysis.Diagnostic{Pos: pos, End: pos + token.Pos(len(sub)), Category: cat, Message: "reported"}); err != nil {
				t.Fatal(err)
			}
			off += i + len(sub)
		}
	}
	return b.Log()
}

func TestFingerprints(t *testing.T) {
	a := &analysis.Analyzer{Name: "demo", Doc: "report demo things"}
	rows := []analyzer.Pass{{Analyzer: a, CWE: []int{367}, Severity: analyzer.Warning, Default: true}}
	const src = `package p

import "os"

func f(p string) {
	os.WriteFile(p, nil, 0o600)
	os.Remove(p)
	os.Remove(p)
}
`
	fingerprints := func(log *Log) []map[string]string {
		var fps []map[string]string
		for _, r := range log.Runs[0].Results {
			if r.PartialFingerprints[FingerprintKey] == "" || r.PartialFingerprints[LineHashKey] == "" {
				t.Errorf("result at line %d: partialFingerprints %v lack %s or %s",
					r.Locations[0].PhysicalLocation.Region.StartLine, r.PartialFingerprints, FingerprintKey, LineHashKey)
			}
			fps = append(fps, r.PartialFingerprints)
		}
		return fps
	}
	base := fingerprints(logOf(t, rows, src, "cat", "os.WriteFile", "os.Remove"))
	if len(base) != 3 {
		t.Fatalf("%d results, want 3", len(base))
	}
	// Three findings, two of them on identical lines: all different.
	for i := range base {
		for j := range i {
			for _, key := range []string{FingerprintKey, LineHashKey} {
				if base[i][key] == base[j][key] {
					t.Errorf("results %d and %d have the same %s %s", j, i, key, base[i][key])
				}
			}
		}
	}
	if !strings.HasSuffix(base[1][FingerprintKey], ":1") || !strings.HasSuffix(base[2][FingerprintKey], ":2") {
		t.Errorf("the findings on identical lines are %s and %s, want occurrences :1 and :2", base[1][FingerprintKey], base[2][FingerprintKey])
	}

	// Lines inserted above, the code re-indented, and a trailing
	// directive: the same fingerprints.
	moved := strings.Replace(src, "func f", "// f does things.\n\n\nfunc f", 1)
	moved = strings.ReplaceAll(moved, "\tos.", "\t  os.")
	moved = strings.Replace(moved, "0o600)\n", "0o600) //toctou:ignore demo the directory is private\n", 1)
	got := fingerprints(logOf(t, rows, moved, "cat", "os.WriteFile", "os.Remove"))
	for i := range got {
		if got[i][FingerprintKey] != base[i][FingerprintKey] {
			t.Errorf("result %d: %s %s after the move, was %s", i, FingerprintKey, got[i][FingerprintKey], base[i][FingerprintKey])
		}
	}
	// GitHub's line hash covers the 100 characters from the line's start,
	// which the directive changes for the first finding, not the others.
	for i := 1; i < len(got); i++ {
		if got[i][LineHashKey] != base[i][LineHashKey] {
			t.Errorf("result %d: %s %s after the move, was %s", i, LineHashKey, got[i][LineHashKey], base[i][LineHashKey])
		}
	}

	// Another category, another fingerprint.
	other := fingerprints(logOf(t, rows, src, "other", "os.WriteFile", "os.Remove"))
	if other[0][FingerprintKey] == base[0][FingerprintKey] {
		t.Errorf("the fingerprint %s does not depend on the category", base[0][FingerprintKey])
	}
}

func TestSecuritySeverity(t *testing.T) {
	a := &analysis.Analyzer{Name: "a", Doc: "report a"}
	b := &analysis.Analyzer{Name: "b", Doc: "report b"}
	c := &analysis.Analyzer{Name: "c", Doc: "report c"}
	checker := &analysis.Analyzer{Name: "checker", Doc: "report directives"}
	rows := []analyzer.Pass{
		{Analyzer: a, CWE: []int{367}, Severity: analyzer.Error},
		{Analyzer: b, CWE: []int{377}, Severity: analyzer.Warning},
		{Analyzer: c, CWE: []int{400}, Severity: analyzer.Note},
	}
	log := NewBuilder(t.TempDir(), "", []*analysis.Analyzer{a, b, c, checker}, rows).Log()
	for i, want := range []string{"7.5", "5.0", "2.0", ""} {
		rule := log.Runs[0].Tool.Driver.Rules[i]
		got, _ := rule.Properties["security-severity"].(string)
		tags, _ := rule.Properties["tags"].([]string)
		if got != want || slices.Contains(tags, "security") != (want != "") {
			t.Errorf("rule %s: security-severity %q, tags %v; want %q, tagged security if it has one", rule.ID, got, tags, want)
		}
	}
}

func TestSuppressions(t *testing.T) {
	const src = `package p

func f() {
	//toctou:ignore demo the directory is private
	//toctou:ignore demo stacked
	g()
	g()
}
`
	dir := t.TempDir()
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile(file, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	a := &analysis.Analyzer{Name: "demo", Doc: "report demo things"}
	b := NewBuilder(dir, "", []*analysis.Analyzer{a}, []analyzer.Pass{{Analyzer: a, CWE: []int{367}, Severity: analyzer.Warning}})
	first := strings.Index(src, "g()")
	second := first + strings.Index(src[first+1:], "g()") + 1
	d1 := strings.Index(src, "//toctou:ignore demo the")
	d2 := strings.Index(src, "//toctou:ignore demo stacked")
	by := []InSource{
		{Pos: tf.Pos(d1), End: tf.Pos(d1 + len("//toctou:ignore demo the directory is private")), Reason: "the directory is private"},
		{Pos: tf.Pos(d2), End: tf.Pos(d2 + len("//toctou:ignore demo stacked")), Reason: "stacked"},
	}
	if err := b.AddSuppressed(fset, "demo", analysis.Diagnostic{Pos: tf.Pos(first), Message: "suppressed"}, by); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(fset, "demo", analysis.Diagnostic{Pos: tf.Pos(second), Message: "reported"}); err != nil {
		t.Fatal(err)
	}
	if err := b.AddSuppressed(fset, "demo", analysis.Diagnostic{Pos: tf.Pos(second), Message: "no directive"}, nil); err == nil {
		t.Error("AddSuppressed accepted a diagnostic without a directive")
	}
	results := b.Log().Runs[0].Results
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	sup := results[0].Suppressions
	if results[0].Message.Text != "suppressed" || len(sup) != 2 ||
		sup[0].Kind != "inSource" || sup[0].Justification != "the directory is private" ||
		sup[1].Justification != "stacked" || sup[0].Location == nil || sup[0].Location.PhysicalLocation.Region.StartLine != 4 {
		t.Errorf("suppressed result %q: suppressions %+v", results[0].Message.Text, sup)
	}
	if results[1].Message.Text != "reported" || results[1].Suppressions != nil {
		t.Errorf("reported result %q: suppressions %+v, want none", results[1].Message.Text, results[1].Suppressions)
	}
	data, err := json.Marshal(results[1])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "suppressions") {
		t.Errorf("a result that is not suppressed has a suppressions property: %s", data)
	}
}

func TestLineHashFirstMod(t *testing.T) {
	x := uint64(1)
	for range lineHashBlock {
		x *= lineHashBase
	}
	if x != lineHashFirstMod {
		t.Errorf("lineHashFirstMod = %#x, want %#x", uint64(lineHashFirstMod), x)
	}
}
