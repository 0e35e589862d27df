// Package effects defines the analyzer that summarizes, once per package,
// what each function does with its path parameters, for the toctou file
// checks, and exports the summary of exported functions as one fact.
//
// Today the summary says which results are a cleaned or validated form of
// a parameter: a helper that returns filepath.Clean(p), filepath.Abs(p),
// or p itself on its success path, and an error only when validation
// fails, like
//
//	func cleanAndValidate(path string) (string, error) {
//		abs, err := filepath.Abs(path)
//		if err != nil {
//			return "", err
//		}
//		if !strings.HasPrefix(abs, root) {
//			return "", errOutside
//		}
//		return filepath.Clean(path), nil
//	}
//
// A use of its result names the file its argument names; the passes ask
// through Result.Paths, a pathflow.Model.
//
// The summary also says which parameters a function refuses symbolic
// links in, the path itself or each of its components (SymlinkCheck, in
// symlinks.go): a nil error from a call of it is a symbolic-link check of
// the argument.
//
// Issue 13's effects summary (what a function checks, creates, opens,
// removes... under which outcome) is to grow in the same fact.
//
// Cost: the analyzer declares a fact, but it is required only by passes
// that declare facts of their own, so it adds no dependency analysis
// that they did not already cause. It does nothing on library packages
// (the standard library, versioned module dependencies), which are known
// through tables, and builds no SSA in a package that declares no
// function taking and returning a string, nor, in a package that imports
// a file-system package, one taking a string and returning an error.
package effects

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssabuild"
	"github.com/toctou/toctou/internal/ssakit"
)

// Analyzer computes the package's Result and exports a Fact for each
// exported function with a summary.
var Analyzer = &analysis.Analyzer{
	Name:       "toctoueffects",
	Doc:        "summarize what functions do with their path parameters, for the toctou file checks",
	URL:        "https://github.com/toctou/toctou/blob/main/docs/design.md",
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	Run:        analysisutil.Guard("toctoueffects", run),
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Fact)},
}

// Fact is the summary of one exported function: what it does with its
// parameters, as far as the file checks ask.
type Fact struct {
	// Cleans lists the results that are a cleaned or validated form of a
	// parameter, sorted by Result.
	Cleans []Clean
	// Symlinks lists the parameters the function refuses symbolic links
	// in, sorted by Param (symlinks.go).
	Symlinks []SymlinkCheck
}

// Clean says that a function's result at index Result names the file its
// parameter at index Param (the receiver first, for a method) names,
// wherever the function's error result, if any, is nil.
type Clean struct{ Result, Param int }

func (*Fact) AFact() {}

func (f *Fact) String() string {
	parts := make([]string, len(f.Cleans))
	for i, c := range f.Cleans {
		parts[i] = fmt.Sprintf("result %d cleans param %d", c.Result, c.Param)
	}
	for _, c := range f.Symlinks {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, ", ")
}

// Result holds the summaries of the package's functions and of the
// functions of the packages it imports (through their facts).
type Result struct {
	local    map[*types.Func]*Fact
	imported map[types.Object]*Fact
	paths    *pathflow.Model
}

// Of returns the summary of fn, or nil.
func (r *Result) Of(fn *types.Func) *Fact {
	if f, ok := r.local[fn]; ok {
		return f
	}
	return r.imported[fn]
}

// Paths returns the path model that knows the summarized cleaners.
func (r *Result) Paths() *pathflow.Model { return r.paths }

func newResult() *Result {
	r := &Result{local: make(map[*types.Func]*Fact), imported: make(map[types.Object]*Fact)}
	r.paths = &pathflow.Model{Cleans: r.cleans}
	return r
}

// cleans is the model's question: which argument result is a cleaned form of.
func (r *Result) cleans(fn *types.Func, result int) (int, bool) {
	if f := r.Of(fn); f != nil {
		for _, c := range f.Cleans {
			if c.Result == result {
				return c.Param, true
			}
		}
	}
	return 0, false
}

func run(pass *analysis.Pass) (any, error) {
	r := newResult()
	if analysisutil.Library(pass.Pkg.Path(), pass.Module) {
		return r, nil // libraries are known through tables, never facts
	}
	for _, f := range pass.AllObjectFacts() {
		if fact, ok := f.Fact.(*Fact); ok {
			r.imported[f.Object] = fact
		}
	}
	cleaners, symlinks := declaresCandidate(pass)
	if !cleaners && !symlinks {
		return r, nil
	}
	// Cleaners built on cleaners: callees before callers, so that a
	// cleaner of a cleaner is found at any depth (ssakit.BottomUp).
	// A function's summary only grows.
	prog := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	if cleaners {
		ssakit.BottomUp(prog.CallGraph(), func(fn *ssa.Function) bool {
			obj, ok := fn.Object().(*types.Func)
			if !ok || fn.Parent() != nil || !candidate(fn.Signature) {
				return false
			}
			if _, done := r.local[obj]; done {
				return false
			}
			if p, ok := cleanedParam(r.paths, fn); ok {
				r.local[obj] = &Fact{Cleans: []Clean{{Result: 0, Param: p}}}
				return true
			}
			return false
		})
	}
	// Symbolic-link checks, after the cleaners: a check of a cleaned
	// parameter is a check of the parameter.
	if symlinks {
		for _, fn := range prog.Funcs() {
			obj, ok := fn.Object().(*types.Func)
			if !ok || fn.Parent() != nil || !symlinkCandidate(fn.Signature) {
				continue
			}
			if checks := symlinkChecks(r.paths, fn); len(checks) > 0 {
				f := r.local[obj]
				if f == nil {
					f = new(Fact)
					r.local[obj] = f
				}
				f.Symlinks = checks
			}
		}
	}
	for fn, f := range r.local {
		if fn.Exported() {
			pass.ExportObjectFact(fn, f)
		}
	}
	return r, nil
}

// declaresCandidate reports whether a function declared in the package
// could be a cleaner, or a symbolic-link check (in a package that imports
// a file-system package), from its signature alone: the cheap filter
// before any SSA is built.
func declaresCandidate(pass *analysis.Pass) (cleaners, symlinks bool) {
	fsPkg := fsops.Imports(pass.Pkg)
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok && decl.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					sig := fn.Type().(*types.Signature)
					cleaners = cleaners || candidate(sig)
					symlinks = symlinks || (fsPkg && symlinkCandidate(sig))
				}
			}
		}
	}
	return cleaners, symlinks
}

// candidate reports whether a signature can be a cleaner's: a string
// parameter (or receiver), and a string result, alone or followed by an
// error.
func candidate(sig *types.Signature) bool {
	res := sig.Results()
	switch {
	case res.Len() == 1 && ssakit.IsString(res.At(0).Type()):
	case res.Len() == 2 && ssakit.IsString(res.At(0).Type()) && ssakit.IsError(res.At(1).Type()):
	default:
		return false
	}
	if sig.Recv() != nil && ssakit.IsString(sig.Recv().Type()) {
		return true
	}
	for v := range sig.Params().Variables() {
		if ssakit.IsString(v.Type()) {
			return true
		}
	}
	return false
}

// cleanedParam returns the index of the parameter whose cleaned form fn's
// first result is: on every return, the first result is a cleaned form
// of that parameter, or the error result is not nil; and at least one
// return yields the cleaned form.
func cleanedParam(paths *pathflow.Model, fn *ssa.Function) (int, bool) {
	withErr := fn.Signature.Results().Len() == 2
	param := -1
	for _, b := range fn.Blocks {
		n := len(b.Instrs)
		if n == 0 {
			continue
		}
		ret, ok := b.Instrs[n-1].(*ssa.Return)
		if !ok {
			continue
		}
		if p := paths.ParamOf(ret.Results[0]); p != nil {
			i := slices.Index(fn.Params, p)
			if i < 0 || (param >= 0 && i != param) {
				return -1, false
			}
			param = i
			continue
		}
		if !withErr || ssakit.IsNil(ret.Results[1]) {
			return -1, false // another string, with no error to tell the caller
		}
	}
	return param, param >= 0
}
