package main

// Text output of the standalone checker: findings as
// "file:line:col: check: message", sorted by position, with file names
// relative to the working directory; load errors one line each; and the
// progress line shown while stderr is a terminal.

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// relPath returns file relative to dir, as go vet prints it, unless it
// is outside dir (or dir is "").
func relPath(dir, file string) string {
	if dir == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// position formats posn with its file name relative to dir.
func position(dir string, posn token.Position) string {
	posn.Filename = relPath(dir, posn.Filename)
	return posn.String()
}

// textFinding is one diagnostic of the text output.
type textFinding struct {
	posn, end token.Position
	check     string
	message   string
	fset      *token.FileSet
	related   []textRelated
}

type textRelated struct {
	posn, end token.Position
	message   string
}

// collectText returns the diagnostics of the graph's roots, without the
// duplicates of a file analyzed in a package and in its test variant,
// sorted by file, line, column, check and message.
func collectText(graph *checker.Graph) []textFinding {
	type key struct {
		posn, end token.Position
		check     string
		message   string
	}
	seen := make(map[key]bool)
	var fs []textFinding
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := textFinding{posn: fset.Position(d.Pos), end: fset.Position(d.End), check: act.Analyzer.Name, message: d.Message, fset: fset}
			k := key{f.posn, f.end, f.check, f.message}
			if seen[k] {
				continue
			}
			seen[k] = true
			for _, rel := range d.Related {
				f.related = append(f.related, textRelated{fset.Position(rel.Pos), fset.Position(rel.End), rel.Message})
			}
			fs = append(fs, f)
		}
	}
	slices.SortFunc(fs, func(a, b textFinding) int {
		return cmp.Or(
			cmp.Compare(a.posn.Filename, b.posn.Filename),
			cmp.Compare(a.posn.Line, b.posn.Line),
			cmp.Compare(a.posn.Column, b.posn.Column),
			cmp.Compare(a.check, b.check),
			cmp.Compare(a.message, b.message))
	})
	return fs
}

// writeText writes the findings, each followed by its related locations
// ("file:line:col: check: \tmessage"); with contextLines >= 0, each
// location is followed by its source lines and that many lines around.
func writeText(w io.Writer, dir string, fs []textFinding, contextLines int) error {
	var b strings.Builder
	files := make(map[string][]string)
	context := func(posn, end token.Position) {
		if contextLines < 0 || posn.Filename == "" {
			return
		}
		lines, ok := files[posn.Filename]
		if !ok {
			data, _ := os.ReadFile(posn.Filename)
			lines = strings.Split(string(data), "\n")
			files[posn.Filename] = lines
		}
		last := end.Line
		if !end.IsValid() || last < posn.Line {
			last = posn.Line
		}
		for i := posn.Line - contextLines; i <= last+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(&b, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s: %s\n", position(dir, f.posn), f.check, f.message)
		context(f.posn, f.end)
		for _, rel := range f.related {
			fmt.Fprintf(&b, "%s: %s: \t%s\n", position(dir, rel.posn), f.check, rel.message)
			context(rel.posn, rel.end)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// couldNotImport matches the type error of an import whose package did
// not load; the package's own error says why.
var couldNotImport = regexp.MustCompile(`^could not import (\S+) `)

// loadErrors returns the errors of pkgs and of their dependencies, one
// line each (a message of the go command may go on over more lines),
// with file names relative to dir and without duplicates: a file of a
// package is also in its test variant. A type error of an import whose
// package has errors of its own ("could not import P") is left out: the
// errors of P say why. So is the compiler's output that go list reports
// for a package that does not compile, when the type checker's errors
// say the same. As go vet does, only the first syntax error of a file is
// printed, and no type error of a package with syntax errors.
func loadErrors(dir string, pkgs []*packages.Package) []string {
	failed := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			failed[p.PkgPath] = true
		}
	})
	var lines []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		typeErrors, parseErrors := false, false
		for _, e := range p.Errors {
			typeErrors = typeErrors || e.Kind == packages.TypeError || e.Kind == packages.ParseError
			parseErrors = parseErrors || e.Kind == packages.ParseError
		}
		parsed := make(map[string]bool) // files with a syntax error printed
		for _, e := range p.Errors {
			switch e.Kind {
			case packages.TypeError:
				if m := couldNotImport.FindStringSubmatch(e.Msg); parseErrors || m != nil && failed[m[1]] {
					continue
				}
			case packages.ParseError:
				file, _, _ := strings.Cut(e.Pos, ":")
				if parsed[file] {
					continue // the parser goes on after the first error, mostly with its echoes
				}
				parsed[file] = true
			case packages.ListError:
				if typeErrors && strings.HasPrefix(e.Msg, "# ") {
					continue // the compiler's output ("# pkg\n./x.go:3:23: ..."), the type errors again
				}
			}
			line := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				file, rest, _ := strings.Cut(e.Pos, ":")
				if rest != "" {
					rest = ":" + rest
				}
				line = relPath(dir, file) + rest + ": " + e.Msg
			}
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	})
	return lines
}

// actionErrors returns the errors of the analyses, one line each, except
// those that only follow from other errors: an analysis skipped because
// its package has errors (printed as load errors), or one whose
// prerequisites failed (whose own errors are printed).
func actionErrors(graph *checker.Graph) []string {
	var lines []string
	seen := make(map[string]bool)
	for act := range graph.All() {
		if act.Err == nil || act.Package.IllTyped || len(act.Package.Errors) > 0 ||
			strings.HasPrefix(act.Err.Error(), "failed prerequisites: ") {
			continue
		}
		line := fmt.Sprintf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err)
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	slices.Sort(lines)
	return lines
}

// progress shows what the checker is doing on one line of a terminal,
// rewritten in place; it writes nothing unless on.
type progress struct {
	w     io.Writer
	on    bool
	width int // of the line shown, to blank it
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// show replaces the progress line with msg.
func (p *progress) show(msg string) {
	if !p.on {
		return
	}
	fmt.Fprintf(p.w, "\r%s%s", msg, strings.Repeat(" ", max(0, p.width-len(msg))))
	p.width = max(p.width, len(msg))
}

// plural returns "n thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, thing)
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// clear blanks the progress line, before other output.
func (p *progress) clear() {
	if !p.on || p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}
