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
//     calls never return is known from internal/knowledge's exits table
//     (os.Exit, log.Fatal, t.Fatal, runtime.Goexit, the usual loggers) and from the package's own
//     functions, whose control-flow graphs are built only when the SSA
//     builder asks about them.
//   - buildssa builds the SSA of every package it runs on. Here the result
//     is a handle, and nothing is built until a pass calls Funcs, which a
//     pass does only after its cheap filters (does the package import os,
//     net, ...?) found something to look at. Under go vet, the tool runs on
//     every package of the dependency tree; most never need SSA.
//
// A function of another package that never returns, but is in no table, is
// taken as one that may return, so a few checks guarded by a user's own
// fatal helper from another package go unseen; that is the cost of having
// no fact.
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
}

func run(pass *analysis.Pass) (any, error) {
	return &SSA{pass: pass}, nil
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

func (s *SSA) build() {
	pass := s.pass
	s.pass = nil
	if len(pass.Files) == 0 || pass.TypesInfo == nil {
		return
	}
	prog := ssa.NewProgram(pass.Fset, 0)
	prog.SetNoReturn(newNoReturn(pass).call)
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

// noReturn decides which functions never return: known ones from
// internal/knowledge's exits table, the package's own from their control-flow graphs.
type noReturn struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl // the package's functions with bodies
	memo  map[*types.Func]bool
	busy  map[*types.Func]bool // on the stack: a cycle may return
}

func newNoReturn(pass *analysis.Pass) *noReturn {
	nr := &noReturn{
		info:  pass.TypesInfo,
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[*types.Func]bool),
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
	if known, ok := nr.memo[fn]; ok {
		return known
	}
	if knowledge.Exit(fn) != knowledge.Returns {
		nr.memo[fn] = true
		return true
	}
	decl, ok := nr.decls[fn]
	if !ok || nr.busy[fn] {
		return false
	}
	nr.busy[fn] = true
	never := cfg.New(decl.Body, nr.mayReturn).NoReturn()
	delete(nr.busy, fn)
	nr.memo[fn] = never
	return never
}

// mayReturn is go/cfg's predicate over the calls of a body.
func (nr *noReturn) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && nr.info.Uses[id] == panicBuiltin {
		return false
	}
	fn := typeutil.StaticCallee(nr.info, call)
	return fn == nil || !nr.call(fn)
}

var panicBuiltin = types.Universe.Lookup("panic")
