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
// And it says what a function checks and does by name to each path
// parameter (summary.go, sites.go): Exists, a result that reports
// whether the path exists (os.Stat's error, or a boolean true if present
// or true if absent), so that a call of it is a check of its argument;
// Uses, what it does to the file a parameter names (opens, creates,
// removes, renames, changes...; through a file-system parameter; and
// whether it returns nothing when the operation fails), so that a call
// of it is a use. They are computed bottom-up over the call graph
// (ssakit.BottomUp), from the sites Result.Sites finds: the fsops tables,
// file-system abstractions, and the summaries of the callees, in this
// package and, through facts, in others. pathrace decides with the same
// sites (CheckSite, UseSite) and branches (FuncState.Decided).
//
// And it says which functions return an *os.File they opened from a
// path parameter (Opens, in opens.go), so that a call of it is an open
// of its argument: every return yields no file (with an error), or the
// file of a successful open of that parameter that no path to the return
// closes. The handle model it needs (handles.go) is byname's: the opens
// (OpenSite, from the fsops table and the callees' summaries), what a
// function does with a handle (OpenFlow.TrackHandle: closes, deferred
// closes, escapes, stats), where an open succeeded (OpenFlow.Succeeded,
// whose branches stop at calls that never return: the exits table, and
// the package's own functions that reach no return). byname decides with
// the same model (Openers, made once per run).
//
// And it says which functions create a name made from a parameter
// (Creates, in createfacts.go and createsummary.go): where the parameter
// goes in the name (the whole path, the directory of a predictable name,
// the name inside the shared temporary directory), how predictable the
// rest of the name is, and what is created (a file, a directory, a link),
// so that a call of it creates the name its argument makes. The model it
// needs is tempname's: the name evaluator, a symbolic path value of
// segments and their classes (Evaluator, Segment, ShapeOf, in names.go
// and shape.go), the create sites and the filters that say a function
// owns the name it creates (Creators, in creates.go and createindex.go).
// tempname decides with the same model (Creators, made once per run).
//
// And it says which exported functions never return, and how a call of
// each ends (Ends, in exits.go: exits the process without running
// deferred calls, ends the goroutine, panics): a function whose every
// path ends in a call of the exits table, a panic, or another such
// function, in this package or, through facts, in others. Before
// anything else, the analyzer installs the imported summaries in the
// stop predicate (ssabuild.SSA.SetImported), so that the SSA every
// pass reads stops after a call of another package's never-returning
// helper as it does after os.Exit; every pass that builds the SSA
// requires this analyzer for that reason. Ends is found from go/cfg
// graphs, not the SSA, since the SSA builder asks for it, and only for
// the candidates of a cheap syntactic filter (a statement that calls
// panic, the exits table, a never-returning function of another
// package, or such a candidate of the package).
//
// And it says which directories a function makes its own or returns
// (MakesDirs, ResultDir, in dirs.go): a parameter made with a private
// os.MkdirAll before every return, and the root of the directory every
// successful return's path lies under, as pathflow reads it there. Result
// answers pathflow.DirFacts, so that the Roots of pathrace and byname
// (Result.Roots) see through such helpers, in the package and across
// packages.
//
// Issue 13's effects summary is to grow in the same fact (what
// partialwrite and lockfile still keep in their own facts:
// docs/design.md, "Which check reads what").
//
// Cost: the analyzer declares a fact, but it is required only by the
// passes, which declare facts of their own, so it adds no dependency
// analysis that they did not already cause. It summarizes nothing in
// library packages (the standard library, versioned module
// dependencies), which are known through tables: every driver then sees
// the same, whether it analyzes a dependency (go vet, gopls,
// golangci-lint) or loads it from export data (the standalone checker;
// cmd/toctou's TestDriverParity, case "library"). It builds SSA for the
// cleaners only in a package that declares a function taking and
// returning a string, for the symbolic-link checks only in one that
// imports a file-system package and declares one taking a string and
// returning an error, and for the checks and uses only in one that
// imports a file-system package, uses a file-system abstraction, or
// imports a summary of checks or uses: the packages pathrace built it in
// before it moved here; and for the openers only in one that imports a
// file-system package or a summary of an opener (byname built it in
// those, and in those importing syscall or golang.org/x/sys/unix, which
// the fsops table holds); and for the creates only in one that imports a
// file-system package or a summary of a create (tempname built it in
// those). The never-returning functions need no SSA (the exits table
// holds the libraries').
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
	"github.com/toctou/toctou/internal/knowledge"
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
	// Exists says that a result reports whether a path parameter exists
	// (a call of the function is a check of its argument), or is nil.
	Exists *Exists
	// Uses lists what the function does by name to the files its
	// parameters name (a call of it is a use of its argument), sorted by
	// Param, then Op (pathfacts.go, summary.go).
	Uses []ParamUse
	// Opens says that the function returns an *os.File it opened from a
	// path parameter (a call of it is an open of its argument), or is nil
	// (opens.go).
	Opens *Opens
	// Creates lists the names made from a parameter that the function
	// creates (a call of it creates the name its argument makes), sorted
	// by Param, Role, Kind, then Class (createfacts.go).
	Creates []Create
	// Ends says how a call of the function ends when it never returns to
	// its caller (exits the process, ends the goroutine, panics), or is
	// knowledge.Returns (exits.go).
	Ends knowledge.Ending
	// MakesDirs lists the parameters whose directory the function makes
	// its own, with an os.MkdirAll of a private mode, before every return
	// (dirs.go), sorted; pathflow reads them as it reads os.MkdirAll.
	MakesDirs []int
	// ResultDir says which directory the function's result lies under on
	// every return that succeeds, or is nil (dirs.go).
	ResultDir *ResultDir
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
	if f.Exists != nil {
		parts = append(parts, f.Exists.String())
	}
	for _, u := range f.Uses {
		parts = append(parts, u.String())
	}
	if f.Opens != nil {
		parts = append(parts, f.Opens.String())
	}
	for _, c := range f.Creates {
		parts = append(parts, c.String())
	}
	if f.Ends != knowledge.Returns {
		parts = append(parts, "never returns: "+f.Ends.String())
	}
	for _, i := range f.MakesDirs {
		parts = append(parts, fmt.Sprintf("makes param %d a private directory", i))
	}
	if f.ResultDir != nil {
		parts = append(parts, f.ResultDir.String())
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
	for _, f := range pass.AllObjectFacts() {
		if fact, ok := f.Fact.(*Fact); ok {
			r.imported[f.Object] = fact
		}
	}
	// The stop predicate first, before any pass builds the SSA: a call
	// of another package's never-returning function stops (exits.go).
	prog := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	prog.SetImported(r.importedEnding)
	if analysisutil.Library(pass.Pkg.Path(), pass.Module) {
		// Libraries (std, versioned modules) are known through tables
		// (fsops, knowledge) and export no summary: the standalone
		// checker loads them from export data and never analyzes them,
		// so a summary that go vet, gopls or golangci-lint computed
		// there would give those drivers findings it does not have.
		return r, nil
	}
	r.summarizeExits(prog, r.exitCandidates(pass))
	defer r.export(pass)
	cleaners, symlinks := declaresCandidate(pass)
	paths := r.pathCandidate(pass)
	opens := r.ImportsOpeners(pass.Pkg)
	creates := r.createCandidate(pass.Pkg)
	dirs := paths || r.importsDirFacts()
	if !cleaners && !symlinks && !paths && !opens && !creates && !dirs {
		return r, nil
	}
	// Cleaners built on cleaners: callees before callers, so that a
	// cleaner of a cleaner is found at any depth (ssakit.BottomUp).
	// A function's summary only grows.
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
	// What functions check and do by name on their parameters, after
	// the cleaners and the symbolic-link checks: a use of a cleaned
	// parameter is a use of the parameter, and a call of a symbolic-link
	// check is a check.
	// And which return a handle opened from a parameter, after the
	// cleaners too: an open of a cleaned parameter opens the parameter.
	// And which create a name made from a parameter, after the cleaners:
	// the name evaluator sees through a cleaner to the parameter.
	if paths || opens || creates {
		var cr *Creators
		if creates {
			cr = r.NewCreators(prog)
		}
		r.summarizePaths(prog.CallGraph(), paths, opens, cr, pass.Pkg)
	}
	// The directories functions make and return, after the uses: a
	// helper's summary reads its callees' (dirs.go).
	if dirs {
		ssakit.BottomUp(prog.CallGraph(), func(fn *ssa.Function) bool {
			return r.summarizeDirs(prog, fn)
		})
	}
	return r, nil
}

// export exports the summaries of the package's exported functions (run
// never summarizes a library package).
func (r *Result) export(pass *analysis.Pass) {
	if fsops.IsStd(pass.Pkg) {
		return
	}
	for fn, f := range r.local {
		if fn.Exported() {
			pass.ExportObjectFact(fn, f)
		}
	}
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

// pathCandidate reports whether a function of the package could check
// or act on a path by name: the package imports a file-system package,
// uses a file-system abstraction, or sees checks or uses of other
// packages' functions.
func (r *Result) pathCandidate(pass *analysis.Pass) bool {
	return fsops.Imports(pass.Pkg) || fsops.UsesFS(pass.Pkg, pass.TypesInfo) || r.ImportsPathSummaries()
}

// ImportsPathSummaries reports whether a function of another package is
// known to check or act on a path parameter (Fact.Exists, Fact.Uses): a
// package that imports no file-system package may still call it.
func (r *Result) ImportsPathSummaries() bool {
	for _, f := range r.imported {
		if f.Exists != nil || len(f.Uses) > 0 {
			return true
		}
	}
	return false
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
