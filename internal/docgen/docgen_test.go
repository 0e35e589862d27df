package docgen

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
)

var update = flag.Bool("update", false, "rewrite the pages under docs/checks")

// root is the repository root, relative to this package's directory.
const root = "../.."

// TestPagesUpToDate fails when any file under docs/checks differs from what
// the generator produces. Run "go test ./internal/docgen -update" to
// rewrite them.
func TestPagesUpToDate(t *testing.T) {
	want, err := Pages(analyzer.Passes())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, Dir)
	have := make(map[string][]byte)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			t.Errorf("%s/%s: unexpected directory", Dir, e.Name())
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		have[e.Name()] = data
	}

	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range want {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for name := range have {
			if _, ok := want[name]; !ok {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}

	if problems := Stale(want, have); len(problems) > 0 {
		t.Errorf("the generated documentation is stale:\n\t%s\nrun: go test ./internal/docgen -update",
			strings.Join(problems, "\n\t"))
	}
}

// TestAnalyzerURLs checks that every Analyzer.URL points at its generated
// page, so that drivers that print the URL send users to the right place.
func TestAnalyzerURLs(t *testing.T) {
	for _, p := range analyzer.Passes() {
		want := "https://github.com/toctou/toctou/blob/main/" + Dir + "/" + p.Analyzer.Name + ".md"
		if p.Analyzer.URL != want {
			t.Errorf("%s: Analyzer.URL = %q, want %q", p.Analyzer.Name, p.Analyzer.URL, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	const doc = `A paragraph with O_CREATE|O_EXCL, *os.File
and a second line.

	if err != nil {
		return err
	}

A list:

  - first item
    continues here;
  - second item.

# A heading

Last.`
	const want = "A paragraph with O_CREATE|O_EXCL, \\*os.File and a second line.\n" +
		"\n" +
		"```go\nif err != nil {\n\treturn err\n}\n```\n" +
		"\n" +
		"A list:\n" +
		"\n" +
		"  - first item continues here;\n" +
		"  - second item.\n" +
		"\n" +
		"### A heading\n" +
		"\n" +
		"Last.\n"
	if got := string(markdown(doc, "###")); got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"O_CREATE|O_EXCL": "O_CREATE|O_EXCL",
		"_private":        `\_private`,
		"x_":              `x\_`,
		"a *b* c":         `a \*b\* c`,
		"[x] <y> `z`":     "\\[x\\] \\<y\\> \\`z\\`",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageErrors(t *testing.T) {
	good := func() analyzer.Pass {
		return analyzer.Pass{
			Analyzer:   &analysis.Analyzer{Name: "demo", Doc: "demo things\n\nLong text."},
			CWE:        []int{367},
			Severity:   analyzer.Warning,
			Since:      "v0.1.0",
			Categories: []analyzer.Category{{Name: "some-shape", Summary: "a shape"}},
		}
	}
	if _, err := Page(good()); err != nil {
		t.Fatalf("good row: %v", err)
	}
	for name, mutate := range map[string]func(*analyzer.Pass){
		"no description":     func(p *analyzer.Pass) { p.Analyzer.Doc = "demo things" },
		"no doc":             func(p *analyzer.Pass) { p.Analyzer.Doc = "" },
		"bad category":       func(p *analyzer.Pass) { p.Categories[0].Name = "Some Shape" },
		"duplicate category": func(p *analyzer.Pass) { p.Categories = append(p.Categories, p.Categories[0]) },
		"empty summary":      func(p *analyzer.Pass) { p.Categories[0].Summary = "" },
	} {
		p := good()
		mutate(&p)
		if _, err := Page(p); err == nil {
			t.Errorf("%s: Page succeeded, want an error", name)
		}
	}
}

func TestPageShape(t *testing.T) {
	for _, p := range analyzer.Passes() {
		page, err := Page(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(page)
		for _, want := range []string{
			"# " + p.Analyzer.Name + "\n",
			"## Description\n",
			"https://cwe.mitre.org/data/definitions/",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s.md lacks %q", p.Analyzer.Name, want)
			}
		}
		for _, c := range p.Categories {
			if !strings.Contains(text, "\n### "+c.Name+"\n") {
				t.Errorf("%s.md lacks the heading for category %s", p.Analyzer.Name, c.Name)
			}
		}
		fenced := false
		for i, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "```") {
				fenced = !fenced
			} else if !fenced && strings.HasPrefix(line, "\t") {
				t.Errorf("%s.md:%d: tab-indented line outside a fenced block: %q", p.Analyzer.Name, i+1, line)
			}
		}
		if fenced {
			t.Errorf("%s.md: unterminated fenced block", p.Analyzer.Name)
		}
	}
}

// TestReadmeListsPasses checks that the hand-written README.md links every
// pass's page in its "What it finds" table.
func TestReadmeListsPasses(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range analyzer.Passes() {
		link := "| [" + p.Analyzer.Name + "](" + Dir + "/" + p.Analyzer.Name + ".md) |"
		if !strings.Contains(string(readme), link) {
			t.Errorf("README.md does not list %s: want a table row starting %q", p.Analyzer.Name, link)
		}
	}
}
