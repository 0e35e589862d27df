// Package fixtest checks that an analyzer's suggested fixes produce code
// that compiles.
//
// analysistest.RunWithSuggestedFixes compares fixed files with golden
// files, which shows what a fix does but not that the result still
// builds: a golden file is written once and rarely type-checked. fixtest
// closes that gap. For packages laid out like analysistest testdata
// (testdataDir/src/IMPORTPATH/...), [Run]
//
//  1. loads the packages in GOPATH mode, as analysistest does
//     (GOPATH=testdataDir, GO111MODULE=off, GOWORK=off, GOPROXY=off),
//     with their tests, and fails if they do not type-check to begin with;
//  2. runs the analyzer with golang.org/x/tools/go/analysis/checker, so
//     its Requires and facts work as in the real drivers;
//  3. applies the edits of the suggested fixes, formats the edited files
//     with go/format, and writes them into a copy of testdataDir made in
//     t.TempDir();
//  4. loads the copy the same way and fails on any parse or type error,
//     printing the fixed file with line numbers.
//
// Which fixes are applied: like go fix, go vet -fix and the standalone
// -fix flag, the first SuggestedFix of every diagnostic, all together in
// one copy (the "first fixes" variant). In addition, every alternative
// fix (SuggestedFixes[1:]) is applied on its own, with no other fix, in a
// copy of its own, and that copy must compile too: an editor offers each
// alternative by itself. Identical diagnostics reported twice (a file
// analyzed both in its package and in its test variant) count once.
//
// Differences from the drivers, on purpose: edits are applied literally,
// as gopls applies them, and then formatted; imports a fix leaves unused
// are not removed (go fix removes them, gopls does not), so a fix must
// remove them itself. Overlapping edits of different fixes are an error
// (go fix would skip one of the fixes silently). Like the drivers, fixes
// that edit a generated file are skipped.
//
// Run fails when no fix at all was applied, so that a test cannot pass by
// asserting nothing; use [RunWithOptions] with AllowNoFixes for packages
// that are expected to get no fixes.
package fixtest

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options adjusts [RunWithOptions].
type Options struct {
	// AllowNoFixes makes it acceptable that the analyzer offers no fix
	// in the packages. Without it, Run fails when no fix was applied.
	AllowNoFixes bool
}

// Result describes one fixed copy of the testdata tree.
type Result struct {
	// Variant names the set of fixes applied: "first fixes", or
	// "alternative N of DIAGNOSTIC-POSITION: FIX-MESSAGE".
	Variant string
	// Dir is the root of the fixed copy (a GOPATH tree like testdataDir).
	Dir string
	// Fixed holds the content of every file the fixes changed, after
	// formatting, keyed by its slash-separated path relative to
	// testdataDir (for example "src/a/a.go").
	Fixed map[string][]byte
	// Fixes is the number of fixes applied.
	Fixes int
}

// Run applies a's suggested fixes to the packages named by patterns under
// testdataDir and checks that the fixed packages type-check. See the
// package documentation for what is applied and checked. It returns one
// Result per fixed copy, the "first fixes" variant first.
func Run(t testing.TB, testdataDir string, a *analysis.Analyzer, patterns ...string) []*Result {
	t.Helper()
	return RunWithOptions(t, Options{}, testdataDir, a, patterns...)
}

// RunWithOptions is [Run] with options.
func RunWithOptions(t testing.TB, opts Options, testdataDir string, a *analysis.Analyzer, patterns ...string) []*Result {
	t.Helper()
	dir, err := filepath.Abs(testdataDir)
	if err != nil {
		t.Fatalf("fixtest: %v", err)
	}
	pkgs, err := load(dir, patterns)
	if err != nil {
		t.Fatalf("fixtest: loading %s: %v", patterns, err)
	}
	if errs := packageErrors(pkgs); len(errs) > 0 {
		t.Fatalf("fixtest: the packages do not compile before any fix is applied:\n\t%s", strings.Join(errs, "\n\t"))
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("fixtest: analyzing: %v", err)
	}
	var variants []*variant
	first := &variant{name: "first fixes"}
	seenDiag := make(map[string]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("fixtest: %s failed: %v", act, act.Err)
			continue
		}
		fset := act.Package.Fset
		generated := make(map[string]bool)
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
		}
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			fixes := make([]*fix, 0, len(d.SuggestedFixes))
			for _, sf := range d.SuggestedFixes {
				fx, err := convert(fset, sf, d, dir)
				if err != nil {
					t.Errorf("fixtest: %v", err)
					continue
				}
				if !slices.ContainsFunc(slices.Collect(maps.Keys(fx.edits)), func(name string) bool { return generated[name] }) {
					fixes = append(fixes, fx) // the drivers skip fixes to generated files
				}
			}
			if len(fixes) == 0 {
				continue
			}
			key := diagKey(fixes[0].where, d.Message, fixes)
			if seenDiag[key] {
				continue
			}
			seenDiag[key] = true
			first.fixes = append(first.fixes, fixes[0])
			for i, alt := range fixes[1:] {
				variants = append(variants, &variant{
					name:  fmt.Sprintf("alternative %d of %s: %s", i+1, alt.where, alt.message),
					fixes: []*fix{alt},
				})
			}
		}
	}
	if len(first.fixes) == 0 {
		if !opts.AllowNoFixes {
			t.Errorf("fixtest: %s offered no suggested fix in %s; nothing was checked (use RunWithOptions with AllowNoFixes if that is expected)", a.Name, patterns)
		}
		return nil
	}
	variants = append([]*variant{first}, variants...)

	var results []*Result
	for _, v := range variants {
		if r := v.check(t, dir, patterns); r != nil {
			results = append(results, r)
		}
	}
	return results
}

// env is the environment of analysistest's GOPATH mode.
func env(gopath string) []string {
	return append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off")
}

func load(dir string, patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
			packages.NeedDeps | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   env(dir),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages matched")
	}
	for _, p := range pkgs {
		if p.Name == "" {
			return nil, fmt.Errorf("cannot load %q: %v", p.PkgPath, p.Errors)
		}
	}
	return pkgs, nil
}

// packageErrors lists the errors of pkgs and their dependencies, once each.
func packageErrors(pkgs []*packages.Package) []string {
	var errs []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if s := e.Error(); !seen[s] {
				seen[s] = true
				errs = append(errs, s)
			}
		}
	})
	return errs
}

// A fix is one SuggestedFix, as byte-offset edits per absolute file name.
type fix struct {
	message string
	where   string // position of the diagnostic, relative to testdataDir
	edits   map[string][]edit
}

type edit struct {
	start, end int
	text       string
}

func convert(fset *token.FileSet, sf analysis.SuggestedFix, d analysis.Diagnostic, dir string) (*fix, error) {
	fx := &fix{
		message: sf.Message,
		where:   relPosition(fset.Position(d.Pos), dir),
		edits:   make(map[string][]edit),
	}
	for _, e := range sf.TextEdits {
		file := fset.File(e.Pos)
		if file == nil {
			return nil, fmt.Errorf("%s: fix %q has an edit at an unknown position", fx.where, sf.Message)
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		name := file.Name()
		if _, err := relTo(dir, name); err != nil {
			return nil, fmt.Errorf("%s: fix %q edits %s, outside the testdata tree", fx.where, sf.Message, name)
		}
		fx.edits[name] = append(fx.edits[name], edit{file.Offset(e.Pos), file.Offset(end), string(e.NewText)})
	}
	return fx, nil
}

func diagKey(where, message string, fixes []*fix) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s", where, message)
	for _, fx := range fixes {
		fmt.Fprintf(&b, "\x00%s", fx.message)
		for _, name := range slices.Sorted(maps.Keys(fx.edits)) {
			fmt.Fprintf(&b, "\x00%s%v", name, fx.edits[name])
		}
	}
	return b.String()
}

// conflict reports whether e, which sorts after p, cannot be applied
// together with p: it starts inside p, or both insert different text at
// the same offset (no order of the two is right).
func conflict(p, e edit) bool {
	if e.start < p.end {
		return true
	}
	bothInsert := p.start == p.end && e.start == e.end
	return bothInsert && p.start == e.start
}

// A variant is a set of fixes applied together to one copy of the tree.
type variant struct {
	name  string
	fixes []*fix
}

// check applies v's fixes in a fresh copy of dir and type-checks the copy.
func (v *variant) check(t testing.TB, dir string, patterns []string) *Result {
	t.Helper()
	type owned struct {
		edit
		fix *fix
	}
	perFile := make(map[string][]owned)
	for _, fx := range v.fixes {
		for name, edits := range fx.edits {
			for _, e := range edits {
				perFile[name] = append(perFile[name], owned{e, fx})
			}
		}
	}

	fixed := make(map[string][]byte)
	ok := true
	for _, name := range slices.Sorted(maps.Keys(perFile)) {
		edits := perFile[name]
		slices.SortStableFunc(edits, func(x, y owned) int {
			return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(x.end, y.end))
		})
		// Drop identical edits (two fixes adding the same import, say),
		// then refuse overlaps.
		edits = slices.CompactFunc(edits, func(x, y owned) bool { return x.edit == y.edit })
		reported := make(map[[2]*fix]bool)
		for i := 1; i < len(edits); i++ {
			// p is the edit reaching furthest among those before e.
			p := slices.MaxFunc(edits[:i], func(x, y owned) int { return cmp.Compare(x.end, y.end) })
			e := edits[i]
			if conflict(p.edit, e.edit) && !reported[[2]*fix{p.fix, e.fix}] && !reported[[2]*fix{e.fix, p.fix}] {
				reported[[2]*fix{p.fix, e.fix}] = true
				t.Errorf("fixtest: %s: in %s, fix %q (at %s) and fix %q (at %s) edit overlapping text",
					v.name, rel(dir, name), p.fix.message, p.fix.where, e.fix.message, e.fix.where)
				ok = false
			}
		}
		if !ok {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("fixtest: %v", err)
		}
		var out bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.end > len(src) {
				t.Errorf("fixtest: %s: fix %q edits %s past its end", v.name, e.fix.message, rel(dir, name))
				ok = false
				break
			}
			out.Write(src[last:e.start])
			out.WriteString(e.text)
			last = e.end
		}
		out.Write(src[last:])
		content := out.Bytes()
		if formatted, err := format.Source(content); err != nil {
			t.Errorf("fixtest: %s: %s does not parse after the fixes: %v\n%s", v.name, rel(dir, name), err, numbered(content))
			ok = false
		} else {
			content = formatted
		}
		fixed[name] = content
	}
	if !ok {
		return nil
	}

	copyDir := filepath.Join(t.TempDir(), "fixed")
	if err := copyTree(dir, copyDir); err != nil {
		t.Fatalf("fixtest: copying %s: %v", dir, err)
	}
	res := &Result{Variant: v.name, Dir: copyDir, Fixed: make(map[string][]byte), Fixes: len(v.fixes)}
	byCopyName := make(map[string][]byte)
	for name, content := range fixed {
		r := rel(dir, name)
		res.Fixed[r] = content
		target := filepath.Join(copyDir, filepath.FromSlash(r))
		byCopyName[target] = content
		if err := os.WriteFile(target, content, 0o644); err != nil {
			t.Fatalf("fixtest: %v", err)
		}
	}

	pkgs, err := load(copyDir, patterns)
	if err != nil {
		t.Errorf("fixtest: %s: loading the fixed packages: %v", v.name, err)
		return res
	}
	errs := packageErrors(pkgs)
	if len(errs) == 0 {
		return res
	}
	var b strings.Builder
	fmt.Fprintf(&b, "fixtest: %s: the fixed packages do not compile:\n", v.name)
	for _, e := range errs {
		fmt.Fprintf(&b, "\t%s\n", strings.ReplaceAll(e, copyDir+string(filepath.Separator), ""))
	}
	shown := false
	for _, name := range slices.Sorted(maps.Keys(byCopyName)) {
		if strings.Contains(strings.Join(errs, "\n"), name) {
			fmt.Fprintf(&b, "-- %s (fixed) --\n%s", rel(copyDir, name), numbered(byCopyName[name]))
			shown = true
		}
	}
	if !shown { // the error is elsewhere (an unused import in another file, say): show every fixed file
		for _, name := range slices.Sorted(maps.Keys(byCopyName)) {
			fmt.Fprintf(&b, "-- %s (fixed) --\n%s", rel(copyDir, name), numbered(byCopyName[name]))
		}
	}
	t.Errorf("%s", b.String())
	return res
}

// copyTree copies the regular files and directories under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, r)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil // symbolic links and special files are not copied
	})
}

func relTo(dir, name string) (string, error) {
	r, err := filepath.Rel(dir, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is not under %s", name, dir)
	}
	return filepath.ToSlash(r), nil
}

func rel(dir, name string) string {
	if r, err := relTo(dir, name); err == nil {
		return r
	}
	return name
}

func relPosition(p token.Position, dir string) string {
	p.Filename = rel(dir, p.Filename)
	return p.String()
}

// numbered returns src with line numbers, for error messages.
func numbered(src []byte) string {
	var b strings.Builder
	for i, line := range strings.SplitAfter(string(src), "\n") {
		if line == "" {
			continue
		}
		fmt.Fprintf(&b, "%4d\t%s", i+1, line)
	}
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteByte('\n')
	}
	return b.String()
}
