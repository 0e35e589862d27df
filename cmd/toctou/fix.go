package main

// Fixes from the standalone driver: "toctou -fix [-diff] packages".
//
// The fixes come from the same analysis as the diagnostics (standalone.go:
// the named packages from source, their dependencies from export data),
// so -fix and -diff cost what the check costs. They are merged, formatted
// and printed as multichecker, go vet -fix and go fix do it
// (x/tools v0.52.0, internal/analysis/driverutil.ApplyFixes), with two
// differences:
//
//   - identical fixes are applied once: a file of package p is analyzed
//     both in p and in its test variant "p [p.test]", and the same
//     finding there offers the same fix twice (multichecker merges the
//     edits, but counts the second fix as one that did not apply);
//   - fixes are applied only to files of the main module or of the
//     workspace's modules, never in GOROOT or the module cache, and never
//     through a symbolic link to a file outside those modules. Each file
//     left alone is named on stderr in one line, and a fix that would
//     edit one is not applied at all.

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"

	"github.com/toctou/toctou/internal/xtools/diff"
	"github.com/toctou/toctou/internal/xtools/free"
)

// fixMode holds the -fix and -diff flags.
type fixMode struct {
	fix, diff *bool
}

// registerFixFlags defines -fix and -diff on flags.
func registerFixFlags(flags *flag.FlagSet) fixMode {
	return fixMode{
		fix:  flags.Bool("fix", false, "apply the suggested fixes to the files of the main module (exit status 0 unless loading fails or fixes conflict)"),
		diff: flags.Bool("diff", false, "print the suggested fixes as a unified diff instead of applying them (implies -fix)"),
	}
}

// requested reports whether the command line asks for fixes.
func (ff fixMode) requested() bool { return *ff.fix || *ff.diff }

// run applies the fixes of the graph's root actions, or prints them as a
// diff, and returns the exit code: 0, or 1 if a fix could not be applied
// or a file could not be written.
func (ff fixMode) run(graph *checker.Graph) int {
	f := &fixer{
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		printDiff: *ff.diff,
		modules:   newModuleBounds(graph),
	}
	return f.apply(graph)
}

// A fixer applies fixes to files.
type fixer struct {
	stdout, stderr io.Writer
	printDiff      bool // print a diff instead of writing the files
	modules        *moduleBounds
}

// A candidate is the first suggested fix of one diagnostic.
type candidate struct {
	act *checker.Action
	fix *analysis.SuggestedFix
}

// apply is driverutil.ApplyFixes with identical fixes applied once and
// fixes to files outside the main modules left out.
func (f *fixer) apply(graph *checker.Graph) int {
	code := 0
	var fixes []candidate
	seen := make(map[string]bool) // the key of each fix kept
	generated := make(map[*token.File]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue // printed by standaloneMain (actionErrors), which fails the run
		}
		for _, file := range act.Package.Syntax {
			tf := act.Package.Fset.File(file.FileStart)
			if _, ok := generated[tf]; !ok {
				generated[tf] = ast.IsGenerated(file)
			}
		}
		for _, d := range act.Diagnostics {
			for i := range d.SuggestedFixes {
				fix := &d.SuggestedFixes[i]
				if i > 0 {
					fmt.Fprintf(f.stderr, "toctou: %s: ignoring alternative fix %q\n", act, fix.Message)
					continue
				}
				if key := fixKey(act.Package.Fset, fix); !seen[key] {
					seen[key] = true
					fixes = append(fixes, candidate{act, fix})
				}
			}
		}
	}

	baseline := make(map[string][]byte) // file contents read so far
	accumulated := make(map[string][]diff.Edit)
	filePkgs := make(map[string]*types.Package) // a package that includes each file
	skipped := make(map[string]string)          // why each file left alone was
	good, left := 0, 0                          // fixes applied; fixes left out (generated or outside files)
fixLoop:
	for _, c := range fixes {
		fset := c.act.Package.Fset
		for _, edit := range c.fix.TextEdits {
			tf := fset.File(edit.Pos)
			if generated[tf] {
				left++
				continue fixLoop
			}
			if why := f.modules.outside(c.act.Package, tf.Name()); why != "" {
				skipped[tf.Name()] = why
				left++
				continue fixLoop
			}
		}
		fileEdits := make(map[string][]diff.Edit)
		for _, edit := range c.fix.TextEdits {
			tf := fset.File(edit.Pos)
			name := tf.Name()
			filePkgs[name] = c.act.Package.Types
			content, ok := baseline[name]
			if !ok {
				var err error
				if content, err = os.ReadFile(name); err != nil {
					fmt.Fprintf(f.stderr, "toctou: skipping fix to file %s: %v\n", name, err)
					continue fixLoop
				}
				baseline[name] = content
			}
			if tf.Size() != len(content) {
				fmt.Fprintf(f.stderr, "toctou: concurrent file modification detected in file %s (size changed from %d -> %d bytes); aborting fix\n",
					name, tf.Size(), len(content))
				return 1
			}
			fileEdits[name] = append(fileEdits[name], diff.Edit{
				Start: tf.Offset(edit.Pos),
				End:   tf.Offset(edit.End),
				New:   string(edit.NewText),
			})
		}
		// Merge the fix atop the fixes applied so far, as a whole or not at all.
		after := make(map[string][]diff.Edit, len(fileEdits))
		for name, edits := range fileEdits {
			if prev := accumulated[name]; len(prev) > 0 {
				merged, ok := diff.Merge(prev, edits)
				if !ok {
					continue fixLoop // conflict
				}
				edits = merged
			}
			after[name] = edits
		}
		good++
		maps.Copy(accumulated, after)
	}
	bad := len(fixes) - good - left // fixes that conflicted or could not be read

	for _, name := range slices.Sorted(maps.Keys(skipped)) {
		fmt.Fprintf(f.stderr, "toctou: not fixing %s: %s\n", name, skipped[name])
	}

	var updated, total int
	for _, name := range slices.Sorted(maps.Keys(accumulated)) {
		edits := accumulated[name]
		if len(edits) == 0 {
			continue
		}
		old := baseline[name]
		final, err := diff.ApplyBytes(old, edits)
		if err != nil {
			fmt.Fprintf(f.stderr, "toctou: internal error applying the fixes to %s: %v\n", name, err)
			return 1
		}
		if formatted, err := formatRemoveImports(filePkgs[name], final); err == nil {
			final = formatted
		}
		if f.printDiff {
			io.WriteString(f.stdout, diff.Unified(name+" (old)", name+" (new)", string(old), string(final)))
			continue
		}
		total++
		if err := f.modules.write(name, final); err != nil {
			fmt.Fprintf(f.stderr, "toctou: %v\n", err)
			continue
		}
		updated++
	}

	if bad > 0 || updated < total {
		if f.printDiff {
			fmt.Fprintf(f.stderr, "toctou: %d of %s skipped (e.g. due to conflicts)\n", bad, countNoun(len(fixes), "fix", "fixes"))
		} else {
			fmt.Fprintf(f.stderr, "toctou: applied %d of %s; %s updated. (Re-run the command to apply more.)\n",
				good, countNoun(len(fixes), "fix", "fixes"), countNoun(updated, "file", "files"))
		}
		code = 1
	}
	return code
}

// fixKey identifies a fix by its edits: file, offsets and new text, in
// order. The same fix found in a package and in its test variant has the
// same key, although the two packages' positions differ.
func fixKey(fset *token.FileSet, fix *analysis.SuggestedFix) string {
	var b strings.Builder
	for _, edit := range fix.TextEdits {
		tf := fset.File(edit.Pos)
		fmt.Fprintf(&b, "%s:%d:%d:%q;", tf.Name(), tf.Offset(edit.Pos), tf.Offset(edit.End), edit.NewText)
	}
	return b.String()
}

// countNoun returns "n nouns", with the noun singular when n is 1.
func countNoun(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// moduleBounds says which files the fixes may write: those of the main
// module, or of the workspace's modules, found through no symbolic link
// that leads out of them, and not in GOROOT or the module cache.
type moduleBounds struct {
	dirs []string // the main modules' directories, symbolic links resolved

	env  map[string]string // GOROOT and GOMODCACHE, asked for when first needed
	memo map[string]string // outside's answer for each file
}

// newModuleBounds returns the bounds of the main modules (those with no
// version and Main set, the workspace's modules included) of the
// packages of graph.
func newModuleBounds(graph *checker.Graph) *moduleBounds {
	b := &moduleBounds{memo: make(map[string]string)}
	seen := make(map[string]bool)
	for act := range graph.All() {
		m := act.Package.Module
		if !isMainModule(m) || m.Dir == "" || seen[m.Dir] {
			continue
		}
		seen[m.Dir] = true
		if dir, err := filepath.EvalSymlinks(m.Dir); err == nil {
			b.dirs = append(b.dirs, dir)
		}
	}
	slices.Sort(b.dirs)
	return b
}

// isMainModule reports whether m is the main module or a workspace module.
func isMainModule(m *packages.Module) bool {
	return m != nil && m.Main && m.Version == ""
}

// outside returns why the fixes must not write file, a file of pkg, or ""
// if they may.
func (b *moduleBounds) outside(pkg *packages.Package, file string) string {
	why, ok := b.memo[file]
	if !ok {
		why = b.check(pkg, file)
		b.memo[file] = why
	}
	return why
}

// check is outside without the memo.
func (b *moduleBounds) check(pkg *packages.Package, file string) string {
	if !isMainModule(pkg.Module) {
		return b.where(file, "outside the main module")
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return err.Error()
	}
	if b.dir(real) == "" {
		if abs, err := filepath.Abs(file); err != nil || abs != real {
			return "symbolic link to " + real + ", " + b.where(real, "outside the main module")
		}
		return b.where(real, "outside the main module")
	}
	return b.where(real, "")
}

// where returns "in GOROOT" or "in the module cache" if file lies there,
// else otherwise.
func (b *moduleBounds) where(file, otherwise string) string {
	if b.env == nil {
		b.env = goEnvDirs("GOROOT", "GOMODCACHE")
	}
	switch {
	case within(b.env["GOROOT"], file):
		return "in GOROOT"
	case within(b.env["GOMODCACHE"], file):
		return "in the module cache"
	}
	return otherwise
}

// dir returns the main module directory that contains the resolved path
// real, the innermost if they nest, or "".
func (b *moduleBounds) dir(real string) string {
	var best string
	for _, d := range b.dirs {
		if within(d, real) && len(d) > len(best) {
			best = d
		}
	}
	return best
}

// write replaces the content of file, which outside accepted. It writes
// through an os.Root opened on the main module that holds the file, so
// that a symbolic link created since the check cannot lead it out of the
// module.
func (b *moduleBounds) write(file string, content []byte) error {
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return err
	}
	dir := b.dir(real)
	if dir == "" {
		return fmt.Errorf("not fixing %s: outside the main module", file)
	}
	rel, err := filepath.Rel(dir, real)
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.WriteFile(rel, content, 0o644); err != nil {
		return fmt.Errorf("writing %s: %v", file, err)
	}
	return nil
}

// within reports whether path is dir or lies under it; both are clean
// absolute paths. An empty dir contains nothing.
func within(dir, path string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// goEnvDirs returns the directories that the go command's environment
// variables names name, symbolic links resolved; those it cannot get are
// missing.
func goEnvDirs(names ...string) map[string]string {
	dirs := make(map[string]string)
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		return dirs
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, name := range names {
		if i >= len(lines) || lines[i] == "" {
			continue
		}
		dir := lines[i]
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		dirs[name] = dir
	}
	return dirs
}

// formatRemoveImports is driverutil.FormatSourceRemoveImports of x/tools
// v0.52.0: gofmt, with the imports sorted and those the fixed file no
// longer uses removed (pkg, the unfixed package, gives the names of the
// packages imported without a name).
func formatRemoveImports(pkg *types.Package, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	ast.SortImports(fset, file)
	removeUnneededImports(fset, pkg, file)
	const printerNormalizeNumbers = 1 << 30 // as go/format and gofmt
	cfg := &printer.Config{
		Mode:     printer.UseSpaces | printer.TabIndent | printerNormalizeNumbers,
		Tabwidth: 8,
	}
	var buf bytes.Buffer
	if err := cfg.Fprint(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// removeUnneededImports removes the imports whose name the file does not
// use (driverutil.removeUnneededImports of x/tools v0.52.0).
func removeUnneededImports(fset *token.FileSet, pkg *types.Package, file *ast.File) {
	packageNames := make(map[string]string)
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if packageNames[pkg.Path()] == "" {
			packageNames[pkg.Path()] = pkg.Name()
			for _, imp := range pkg.Imports() {
				visit(imp)
			}
		}
	}
	if pkg != nil {
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
	}

	freenames := make(map[string]bool)
	for _, decl := range file.Decls {
		if decl, ok := decl.(*ast.GenDecl); ok && decl.Tok == token.IMPORT {
			continue
		}
		const includeComplitIdents = false
		maps.Copy(freenames, free.Names(decl, includeComplitIdents))
	}

	var deletions []func()
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		explicit := ""
		if spec.Name != nil {
			explicit = spec.Name.Name
		}
		name := explicit
		if name == "" {
			name = packageNames[path]
		}
		switch name {
		case "", ".", "_":
			continue // a new import, a dot import, a blank import
		}
		if !freenames[name] {
			deletions = append(deletions, func() {
				astutil.DeleteNamedImport(fset, file, explicit, path)
			})
		}
	}
	for _, del := range deletions {
		del()
	}
}

// failedCode is the exit code of a run whose packages did not all load.
func failedCode(failed bool) int {
	if failed {
		return 1
	}
	return 0
}
