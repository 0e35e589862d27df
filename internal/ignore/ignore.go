// Package ignore implements the //toctou:ignore suppression directive for
// every driver that runs the toctou analyzers through go/analysis: the
// standalone checker, go vet, go fix, the golangci-lint plugin and the
// gopls build.
//
// A directive names one or more checks and gives a reason:
//
//	//toctou:ignore pathrace the directory is private to this process
//	os.WriteFile(p, data, 0o600)
//
//	os.WriteFile(p, data, 0o600) //toctou:ignore pathrace,tempname written before any other process starts
//
// On a line of its own it applies to the next line that is not itself a
// directive; after code it applies to its own line. A diagnostic of a
// named check that starts on that line is dropped. A directive without a
// reason, or that names no check or an unknown one, suppresses nothing and
// is reported by the directive checker (NewChecker), which also reports,
// when its -unused flag asks, directives that suppressed nothing.
// The Index keeps the diagnostics it dropped (Index.Suppressed), and the
// directive checker returns it as its result, so that an output that
// shows suppressed findings as such (SARIF) can list them.
//
// The mechanism is a prerequisite analyzer (NewParser) that collects the
// directives of a package into an Index, and a wrapper (Wrap) that gives a
// pass a Report function filtering through that Index. Results of a
// prerequisite are per package and per run in every driver, so nothing is
// shared between packages and no driver needs to know about directives.
package ignore

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//toctou:ignore"

// Directive is one //toctou:ignore comment.
type Directive struct {
	Pos    token.Pos // the comment
	End    token.Pos
	File   *token.File
	Line   int      // the line whose diagnostics it suppresses
	Names  []string // the checks it names
	Reason string   // the text after the names; empty when missing

	// Problem says why the directive is malformed, or is "" when it is
	// well formed. Only well-formed directives suppress.
	Problem string
}

// Index holds the directives of one package and records, while the passes
// run, which directives suppressed something and which passes ran.
type Index struct {
	Directives []*Directive

	mu         sync.Mutex
	byAt       map[fileLine][]*Directive
	used       map[*Directive]map[string]bool // directive -> names whose diagnostics it dropped
	ran        map[string]bool                // names of the passes that ran on the package
	suppressed []Suppressed
}

// Suppressed is a diagnostic that directives dropped.
type Suppressed struct {
	Analyzer   string              // the name of the pass that reported it
	Diagnostic analysis.Diagnostic // as the pass reported it
	Directives []*Directive        // the well-formed directives naming the pass on its line, in source order
}

type fileLine struct {
	file *token.File
	line int
}

// suppress reports whether a well-formed directive names the pass and
// applies to the diagnostic's position; if so it records that every such
// directive was used, and keeps the diagnostic for Suppressed.
func (x *Index) suppress(fset *token.FileSet, name string, diag analysis.Diagnostic) bool {
	pos := diag.Pos
	if x == nil || len(x.Directives) == 0 || !pos.IsValid() {
		return false
	}
	file := fset.File(pos)
	if file == nil {
		return false
	}
	at := fileLine{file, file.Line(pos)}
	x.mu.Lock()
	defer x.mu.Unlock()
	var by []*Directive
	for _, d := range x.byAt[at] {
		if d.Problem == "" && slices.Contains(d.Names, name) {
			if x.used[d] == nil {
				x.used[d] = make(map[string]bool)
			}
			x.used[d][name] = true
			by = append(by, d)
		}
	}
	if len(by) == 0 {
		return false
	}
	x.suppressed = append(x.suppressed, Suppressed{Analyzer: name, Diagnostic: diag, Directives: by})
	return true
}

// Suppressed returns the diagnostics that directives dropped, in the order
// the passes reported them (passes may run in parallel, so the order of
// two passes' diagnostics varies). It is complete only after the passes
// ran on the package; drivers that print suppressed findings (the
// standalone checker's SARIF output) read it from the directive checker's
// result (see NewChecker).
func (x *Index) Suppressed() []Suppressed {
	if x == nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return slices.Clone(x.suppressed)
}

// markRan records that the pass name ran on the package.
func (x *Index) markRan(name string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.ran[name] = true
}

// Unused returns the names of the directive that belong to passes that ran
// on the package and whose diagnostics it did not suppress. It is
// meaningful only after those passes ran.
func (x *Index) Unused(d *Directive) []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	var names []string
	for _, name := range d.Names {
		if x.ran[name] && !x.used[d][name] {
			names = append(names, name)
		}
	}
	return names
}

// NewParser returns the prerequisite analyzer whose result is the *Index of
// a package's directives. known lists the names a directive may use.
func NewParser(known []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "toctouignoreparse",
		Doc:        "collect //toctou:ignore directives for the toctou passes (a prerequisite; reports nothing)",
		URL:        "https://github.com/toctou/toctou/blob/main/docs/design.md#suppression",
		ResultType: reflect.TypeFor[*Index](),
		Run: func(pass *analysis.Pass) (any, error) {
			return parse(pass.Fset, pass.Files, known), nil
		},
	}
}

// parse collects the directives of files; generated files have none.
func parse(fset *token.FileSet, files []*ast.File, known []string) *Index {
	x := &Index{
		byAt: make(map[fileLine][]*Directive),
		used: make(map[*Directive]map[string]bool),
		ran:  make(map[string]bool),
	}
	for _, f := range files {
		if ast.IsGenerated(f) {
			continue
		}
		tf := fset.File(f.Pos())
		if tf == nil {
			continue
		}
		var found []*Directive
		for _, group := range f.Comments {
			for _, c := range group.List {
				if d := parseComment(c, known); d != nil {
					d.File = tf
					found = append(found, d)
				}
			}
		}
		if len(found) == 0 {
			continue
		}
		placeDirectives(tf, f, found)
		for _, d := range found {
			at := fileLine{tf, d.Line}
			x.byAt[at] = append(x.byAt[at], d)
			x.Directives = append(x.Directives, d)
		}
	}
	return x
}

// Lines returns the lines of f whose diagnostics of the check name a
// directive suppresses when name is a known check: its directives that
// name it and give a reason, placed as the wrapper places them. A pass
// that reports one race at one of several calls reads it to report at a
// call whose line carries a directive, so that suppressing any call of
// the race suppresses the race.
func Lines(fset *token.FileSet, f *ast.File, name string) map[int]bool {
	lines := make(map[int]bool)
	for _, d := range parse(fset, []*ast.File{f}, nil).Directives {
		if d.Reason != "" && slices.Contains(d.Names, name) {
			lines[d.Line] = true
		}
	}
	return lines
}

// parseComment returns the directive of c, or nil if c is no directive.
func parseComment(c *ast.Comment, known []string) *Directive {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	d := &Directive{Pos: c.Pos(), End: c.End()}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = fmt.Sprintf("%s needs the name of a check and a reason, as in %s %s the directory is private to this process",
			Prefix, Prefix, firstOr(known, "NAME"))
		return d
	}
	for name := range strings.SplitSeq(fields[0], ",") {
		if name == "" {
			continue
		}
		d.Names = append(d.Names, name)
		if !slices.Contains(known, name) && d.Problem == "" {
			d.Problem = fmt.Sprintf("%s names %q, which is not a toctou check (checks: %s); it suppresses nothing",
				Prefix, name, strings.Join(known, ", "))
		}
	}
	d.Reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), fields[0]))
	switch {
	case d.Problem != "":
	case len(d.Names) == 0:
		d.Problem = fmt.Sprintf("%s needs the name of a check before the reason", Prefix)
	case d.Reason == "":
		d.Problem = fmt.Sprintf("%s %s gives no reason; it suppresses nothing until it says why the finding does not apply",
			Prefix, fields[0])
	}
	return d
}

func firstOr(list []string, alt string) string {
	if len(list) == 0 {
		return alt
	}
	return list[0]
}

// placeDirectives sets the Line of each directive of f: its own line when
// code precedes it there, else the first following line that holds no
// directive of its own.
func placeDirectives(tf *token.File, f *ast.File, ds []*Directive) {
	// Lines on which some syntax ends, with the smallest end offset there:
	// a directive after that offset on the same line trails code.
	firstEnd := make(map[int]token.Pos)
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, isComment := n.(*ast.CommentGroup); isComment {
			return false
		}
		end := n.End()
		if end.IsValid() && int(end) <= tf.Base()+tf.Size() {
			line := tf.Line(end)
			if p, ok := firstEnd[line]; !ok || end < p {
				firstEnd[line] = end
			}
		}
		return true
	})
	directiveLines := make(map[int]bool)
	for _, d := range ds {
		directiveLines[tf.Line(d.Pos)] = true
	}
	for _, d := range ds {
		line := tf.Line(d.Pos)
		if end, ok := firstEnd[line]; ok && end <= d.Pos {
			d.Line = line // trailing: applies to its own line
			continue
		}
		next := line + 1
		for directiveLines[next] && !trails(tf, firstEnd, next, ds) {
			next++
		}
		d.Line = next
	}
}

// trails reports whether the directives on line trail code.
func trails(tf *token.File, firstEnd map[int]token.Pos, line int, ds []*Directive) bool {
	end, ok := firstEnd[line]
	if !ok {
		return false
	}
	for _, d := range ds {
		if tf.Line(d.Pos) == line && end <= d.Pos {
			return true
		}
	}
	return false
}

// Wrap returns a copy of a whose diagnostics are dropped where a
// well-formed directive of parser's Index names a (by a.Name). The copy
// has parser as one more prerequisite, and keeps a's name, flags, facts,
// result type and other prerequisites.
func Wrap(a, parser *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Requires = append(slices.Clip(a.Requires), parser)
	run := a.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		index, _ := pass.ResultOf[parser].(*Index)
		if index == nil || len(index.Directives) == 0 {
			return run(pass)
		}
		index.markRan(a.Name)
		filtered := *pass
		report := pass.Report
		filtered.Report = func(d analysis.Diagnostic) {
			if !index.suppress(pass.Fset, a.Name, d) {
				report(d)
			}
		}
		return run(&filtered)
	}
	return &c
}

// Categories of the directive checker's diagnostics.
const (
	Malformed = "malformed"
	Unused    = "unused"
)

// CheckerName is the name of the directive checker.
const CheckerName = "ignoredirective"

// NewChecker returns the analyzer that reports malformed directives and,
// with its -unused flag, directives that suppressed nothing. It requires
// parser and passes (the wrapped passes), so that it runs after them on
// each package and sees what they suppressed; with no passes, -unused
// reports nothing.
//
// Its result is the package's *Index (parser's result), complete when it
// requires the passes: a driver that lists suppressed findings reads
// Index.Suppressed from it. (Drivers keep the results of the analyzers they
// were asked to run, not those of prerequisites such as parser: the
// checker package drops them once the run ends.)
func NewChecker(parser *analysis.Analyzer, passes []*analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: CheckerName,
		Doc: `report malformed //toctou:ignore directives

A //toctou:ignore directive names the checks whose diagnostics it
suppresses on its line (after code) or on the next line (on a line of its
own), and says why:

	//toctou:ignore pathrace the directory is private to this process

A directive that names no check, names an unknown one, or gives no reason
suppresses nothing and is reported. With -unused, a directive whose named
checks ran and reported nothing on its line is reported too.`,
		URL:        "https://github.com/toctou/toctou/blob/main/docs/design.md#suppression",
		Requires:   append([]*analysis.Analyzer{parser}, passes...),
		ResultType: reflect.TypeFor[*Index](),
	}
	var reportUnused bool
	a.Flags.BoolVar(&reportUnused, "unused", false, "also report directives that suppress nothing")
	a.Run = func(pass *analysis.Pass) (any, error) {
		index, _ := pass.ResultOf[parser].(*Index)
		if index == nil {
			return index, nil
		}
		for _, d := range index.Directives {
			switch {
			case d.Problem != "":
				pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: Malformed, Message: d.Problem})
			case reportUnused && len(passes) > 0:
				if names := index.Unused(d); len(names) > 0 {
					pass.Report(analysis.Diagnostic{
						Pos: d.Pos, End: d.End, Category: Unused,
						Message: fmt.Sprintf("%s %s suppresses nothing on line %d; remove it",
							Prefix, strings.Join(names, ","), d.Line),
					})
				}
			}
		}
		return index, nil
	}
	return a
}
