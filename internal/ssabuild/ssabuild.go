// Package ssabuild defines the analyzer that gives every toctou pass the
// SSA form of the package under analysis, built on first use.
//
// It replaces golang.org/x/tools/go/analysis/passes/buildssa for two
// reasons, both about cost (docs/performance.md):
//
//   - buildssa requires ctrlflow, which declares a fact. A fact anywhere in
//     the requirement graph makes go/analysis drivers analyze every
//     dependency of the packages named on the command line, std included,
//     from source. This analyzer has no prerequisite and no fact: which
//     calls never return, and how each ends, is the one stop predicate
//     (Ending): internal/knowledge's exits table (os.Exit, log.Fatal,
//     t.Fatal, runtime.Goexit, the usual loggers), the package's own
//     functions, whose control-flow graphs are built only when the SSA
//     builder or a pass asks about them, and the functions of other
//     packages that the effects analyzer, which every pass that builds
//     the SSA requires, installs from its facts (SetImported) before any
//     pass builds it.
//   - buildssa builds the SSA of every package it runs on. Here the result
//     is a handle, and nothing is built until a pass calls Funcs, which a
//     pass does only after its cheap filters (does the package import os,
//     net, ...?) found something to look at. Under go vet, the tool runs on
//     every package of the dependency tree; most never need SSA.
//
// So a user's never-returning helper exported from another package (a
// util.Fatal that logs and calls os.Exit) stops paths as os.Exit does:
// the facts live in the effects analyzer, which already declares one,
// and this analyzer stays fact-free.
package ssabuild

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/toctou/toctou/internal/knowledge"
	"github.com/toctou/toctou/internal/ssakit"
)

// Analyzer returns the package's *SSA handle.
var Analyzer = &analysis.Analyzer{
	Name:       "toctoussa",
	Doc:        "build the SSA form of a package on first use, for the toctou passes",
	URL:        "https://github.com/toctou/toctou/blob/main/docs/design.md",
	Run:        run,
	ResultType: reflect.TypeFor[*SSA](),
	// No Requires and no FactTypes, on purpose: see the package comment.
}

// SSA builds the SSA form of one package, once, on the first call of any
// of its methods. It is safe for concurrent use by the passes of one
// package.
type SSA struct {
	pass  *analysis.Pass // nil after the build
	once  sync.Once
	pkg   *ssa.Package
	funcs []*ssa.Function
	files []token.Pos // the start of each file, for tests
	tests tests

	graphOnce sync.Once
	graph     *ssakit.CallGraph

	callersOnce sync.Once
	callers     *ssakit.Callers

	nrOnce sync.Once
	nrPass *analysis.Pass // nil once nr is made
	nr     *noReturn
}

func run(pass *analysis.Pass) (any, error) {
	return &SSA{pass: pass, nrPass: pass}, nil
}

// Package returns the SSA package; nil for a package without syntax (one
// a driver loaded from export data only).
func (s *SSA) Package() *ssa.Package {
	s.once.Do(s.build)
	return s.pkg
}

// Funcs returns every function of the package that holds source code,
// each followed by its function literals (nested ones included), in
// source order: the declared functions and methods, then the package
// initializer (the synthetic init, which holds the code of package-level
// variable initializers) with the literals it contains, such as cobra's
//
//	var cmd = &cobra.Command{Run: func(cmd *cobra.Command, args []string) { ... }}
//
// This is the function list of every pass: a pass never patches it.
// Unlike buildssa's SrcFuncs, which leaves out the literals of
// package-level initializers, nothing written in the package is missing.
func (s *SSA) Funcs() []*ssa.Function {
	s.once.Do(s.build)
	return s.funcs
}

// CallGraph returns the static call graph of Funcs, split into strongly
// connected components callees first: what ssakit.BottomUp walks when a
// pass computes its summaries. It is built once per package, on the first
// call, and shared by the passes.
func (s *SSA) CallGraph() *ssakit.CallGraph {
	s.graphOnce.Do(func() { s.graph = ssakit.NewCallGraph(s.Funcs()) })
	return s.graph
}

// Callers returns the index of the static call sites of Funcs, and of
// the functions whose value escapes (ssakit.Callers). It is built once
// per package, on the first call, and shared by the passes.
func (s *SSA) Callers() *ssakit.Callers {
	s.callersOnce.Do(func() { s.callers = ssakit.NewCallers(s.Funcs()) })
	return s.callers
}

func (s *SSA) build() {
	pass := s.pass
	s.pass = nil
	if len(pass.Files) == 0 || pass.TypesInfo == nil {
		return
	}
	prog := ssa.NewProgram(pass.Fset, 0)
	prog.SetNoReturn(s.noReturn().call)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	s.pkg = prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	s.pkg.Build()
	s.funcs = sourceFuncs(pass, prog, s.pkg)
	for _, f := range pass.Files {
		s.files = append(s.files, f.FileStart)
	}
}

// sourceFuncs lists the declared functions of the package, each followed
// by its function literals, in source order, then the package initializer
// and its literals.
func sourceFuncs(pass *analysis.Pass, prog *ssa.Program, pkg *ssa.Package) []*ssa.Function {
	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			if fn := prog.FuncValue(obj); fn != nil {
				add(fn)
			}
		}
	}
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	return funcs
}

// noReturn decides which functions never return, and how each ends:
// known ones from internal/knowledge's exits table, the package's own
// from their control-flow graphs, and those of other packages from the
// predicate SetImported installed (the effects analyzer's facts). It is
// the one stop predicate: the SSA builder asks it (any ending), and so
// do the passes through SSA.Ending. mu guards the memo: the builder asks
// inside the build, the passes concurrently.
type noReturn struct {
	mu       sync.Mutex
	info     *types.Info
	pkg      *types.Package
	decls    map[*types.Func]*ast.FuncDecl // the package's functions with bodies
	memo     map[*types.Func]ending
	busy     map[*types.Func]bool // on the stack: a cycle may return
	imported func(*types.Func) knowledge.Ending
}

// ending is what noReturn knows of one function: whether no return is
// reachable in it (an endless loop included, as go/cfg says), and how
// its paths end when every one ends in a call that never returns.
type ending struct {
	never bool
	how   knowledge.Ending
}

func newNoReturn(pass *analysis.Pass) *noReturn {
	nr := &noReturn{
		info:  pass.TypesInfo,
		pkg:   pass.Pkg,
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[*types.Func]ending),
		busy:  make(map[*types.Func]bool),
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok && decl.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					nr.decls[fn] = decl
				}
			}
		}
	}
	return nr
}

// call is the SSA builder's predicate: whether a call of fn never returns.
func (nr *noReturn) call(fn *types.Func) bool {
	nr.mu.Lock()
	defer nr.mu.Unlock()
	return nr.of(fn).never
}

// of is what the package knows of fn, with mu held.
func (nr *noReturn) of(fn *types.Func) ending {
	if known, ok := nr.memo[fn]; ok {
		return known
	}
	if e := knowledge.Exit(fn); e != knowledge.Returns {
		nr.memo[fn] = ending{true, e}
		return nr.memo[fn]
	}
	decl, ok := nr.decls[fn]
	if !ok {
		var e knowledge.Ending
		if nr.imported != nil && fn.Pkg() != nr.pkg {
			e = nr.imported(fn)
		}
		nr.memo[fn] = ending{e != knowledge.Returns, e}
		return nr.memo[fn]
	}
	if nr.busy[fn] {
		return ending{}
	}
	nr.busy[fn] = true
	g := cfg.New(decl.Body, nr.mayReturn)
	delete(nr.busy, fn)
	e := ending{never: g.NoReturn()}
	if e.never {
		e.how = nr.howEnds(g)
	}
	nr.memo[fn] = e
	return e
}

// howEnds says how a body with no reachable return ends: the ending of
// the calls that end its reachable paths, when there are some (a panic
// panics); Returns when none does (an endless loop). Where paths end in
// different ways, the weakest claim for a caller: Panics when any path
// panics (a deferred call may recover), EndsGoroutine when some path
// runs the deferred calls.
func (nr *noReturn) howEnds(g *cfg.CFG) knowledge.Ending {
	how := knowledge.Returns
	for _, b := range g.Blocks {
		if !b.Live || len(b.Succs) > 0 || len(b.Nodes) == 0 {
			continue
		}
		stmt, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := stmt.X.(*ast.CallExpr)
		if !ok {
			continue
		}
		e := knowledge.Panics
		if !nr.isPanic(call) {
			fn := typeutil.StaticCallee(nr.info, call)
			if fn == nil {
				continue
			}
			if e = nr.of(fn).how; e == knowledge.Returns {
				continue
			}
		}
		switch {
		case how == knowledge.Returns || how == e:
			how = e
		case how == knowledge.Panics || e == knowledge.Panics:
			how = knowledge.Panics
		default:
			how = knowledge.EndsGoroutine
		}
	}
	return how
}

// mayReturn is go/cfg's predicate over the calls of a body.
func (nr *noReturn) mayReturn(call *ast.CallExpr) bool {
	if nr.isPanic(call) {
		return false
	}
	fn := typeutil.StaticCallee(nr.info, call)
	return fn == nil || !nr.of(fn).never
}

func (nr *noReturn) isPanic(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	return ok && nr.info.Uses[id] == panicBuiltin
}

var panicBuiltin = types.Universe.Lookup("panic")

// SetImported installs how calls of functions of other packages that
// the exits table does not hold end: the effects analyzer's facts (a
// user's never-returning helper, exported from another package). The
// effects analyzer installs it before any pass builds the SSA: every
// pass that requires this analyzer requires effects too, so the SSA is
// the same whichever pass builds it first.
func (s *SSA) SetImported(f func(*types.Func) knowledge.Ending) {
	nr := s.noReturn()
	if nr == nil {
		return
	}
	nr.mu.Lock()
	nr.imported = f
	nr.mu.Unlock()
}

// Ending says how a call of fn ends when it never returns to its caller:
// the exits table, the package's own functions whose every path ends in
// such a call or a panic, and the functions of other packages that
// SetImported knows; Returns for any other function. It is the stop
// predicate the SSA builder uses, with how each stop ends.
func (s *SSA) Ending(fn *types.Func) knowledge.Ending {
	nr := s.noReturn()
	if fn == nil || nr == nil {
		return knowledge.Exit(fn)
	}
	nr.mu.Lock()
	defer nr.mu.Unlock()
	return nr.of(fn).how
}

// noReturn returns the package's stop predicate, made on first use;
// nil for a package without syntax.
func (s *SSA) noReturn() *noReturn {
	s.nrOnce.Do(func() {
		if len(s.nrPass.Files) > 0 && s.nrPass.TypesInfo != nil {
			s.nr = newNoReturn(s.nrPass)
		}
		s.nrPass = nil
	})
	return s.nr
}
