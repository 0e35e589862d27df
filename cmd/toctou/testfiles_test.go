package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testFileModule has a production finding (http.Get through
// http.DefaultClient, which has no Timeout) and a test file that sets
// http.DefaultClient.Transport to a fake. go vet, golangci-lint and gopls
// analyze the package's test variant, with the test file; the finding is
// in a non-test file and must not depend on it.
var testFileModule = map[string]string{
	"go.mod": "module example.com/fetch\n\ngo 1.26.0\n",
	"fetch/fetch.go": `// Package fetch fetches.
package fetch

import "net/http"

// Get fetches url.
func Get(url string) (*http.Response, error) {
	return http.Get(url)
}
`,
	"fetch/fetch_test.go": `package fetch

import (
	"net/http"
	"testing"
)

type fake struct{}

func (fake) RoundTrip(*http.Request) (*http.Response, error) { return nil, http.ErrNotSupported }

func init() { http.DefaultClient.Transport = fake{} }

func TestGet(t *testing.T) {
	if _, err := Get("https://example.com/"); err == nil {
		t.Fatal("the fake transport sent a request")
	}
}
`,
}

// TestTestFilesChangeNoFinding checks that every driver reports the
// production finding of testFileModule although its test file configures
// http.DefaultClient: the standalone checker, go vet, golangci-lint (with
// TOCTOU_GCL) and gopls (with TOCTOU_GOPLS).
func TestTestFilesChangeNoFinding(t *testing.T) {
	t.Parallel()
	bin := toctou(t)
	dir := filepath.Join(t.TempDir(), "fetch")
	writeFiles(t, dir, testFileModule)
	const file = "fetch/fetch.go"
	inFile := func(fs []string) []string {
		var out []string
		for _, f := range fs {
			if strings.HasPrefix(f, file+":") {
				out = append(out, f)
			}
		}
		return out
	}

	standalone := run(t, dir, "", bin, "-json", "./...")
	want := inFile(analysisFindings(jsonDiags(t, standalone.stdout)))
	if len(want) != 1 || !strings.Contains(want[0], ": nodeadline: http.Get sends a request") {
		t.Fatalf("toctou -json ./...: want one nodeadline finding in %s, got %q\n%s", file, want, standalone)
	}
	// The text output too, which the issue saw.
	if text := run(t, dir, "", bin, "./..."); text.code != 3 || !strings.Contains(text.stderr, "http.Get sends a request") {
		t.Errorf("toctou ./...: want exit code 3 and the nodeadline finding\n%s", text)
	}

	// go vet analyzes fetch's test variant, with the test file. (p is
	// always a root here: the user's cache has no pitfall, see TestVet.)
	vet := run(t, dir, "", "go", "vet", "-vettool="+bin, "-json", "./...")
	if got := inFile(analysisFindings(jsonDiags(t, vet.stdout+vet.stderr))); !slices.Equal(got, want) {
		t.Errorf("go vet -vettool reports in %s\n\t%s\nwant\n\t%s\n%s", file, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), vet)
	}

	t.Run("golangci-lint", func(t *testing.T) {
		gcl := externalTool(t, gclEnv, gclHow)
		lint := runGCL(t, gcl, dir, "", gclConfig(false), "--output.json.path=stdout", "--show-stats=false", "./...")
		if got := inFile(gclFindings(t, lint.stdout)); !slices.Equal(got, want) {
			t.Errorf("golangci-lint reports in %s\n\t%s\nwant\n\t%s\n%s", file, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), lint)
		}
	})

	t.Run("gopls", func(t *testing.T) {
		gopls := externalTool(t, goplsEnv, goplsHow)
		path := filepath.Join(dir, filepath.FromSlash(file))
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		uri := fileURI(path)
		c := startGopls(t, gopls, dir, map[string]any{})
		c.initialize(dir)
		c.notify("textDocument/didOpen", map[string]any{
			"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(orig) + selfAssign},
		})
		// The self-assignment's diagnostic says that analysis is done.
		diags := c.awaitDiagnostics(uri, func(ds []lspDiagnostic) bool { return hasSource(ds, "assign") })
		var got []string
		for _, d := range diags {
			if d.Source == "nodeadline" {
				got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", file, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Source, d.Message))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("gopls reports in %s\n\t%s\nwant\n\t%s", file, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	})
}
