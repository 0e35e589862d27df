// Package analysisutil holds the small helpers every toctou pass shares:
// extracting an analyzer's documentation from its doc.go, turning a panic
// inside a pass into an error that names the pass, naming functions in
// messages (FuncName, Namer), and the syntax questions asked when an SSA
// finding becomes a diagnostic (Syntax: the file of a position, the call
// of an ssa.Call, its arguments as written, whether a position is
// reportable, source text).
package analysisutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc is like ExtractDoc but panics on error. It is meant for
// package-level Analyzer declarations, where a malformed doc.go is a
// programming error caught by the first test run.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc returns the section of a doc.go package comment that starts
// with the heading "# Analyzer NAME" and whose first line is
// "NAME: summary", in the form Analyzer.Doc expects (the text after the
// colon). It follows golang.org/x/tools' convention for analyzer docs.
func ExtractDoc(content, name string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file: %w", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package doc comment")
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name)
		if !ok || body == "" || (body[0] != '\n' && body[0] != '\r') {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("'Analyzer %s' heading not followed by '%s: summary' line", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("package doc comment has no 'Analyzer %s' heading", name)
}
