package effects

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/toctou/toctou/internal/knowledge"
	"github.com/toctou/toctou/internal/ssabuild"
)

// Which functions never return, across packages.
//
// The stop predicate is ssabuild's (SSA.Ending): the exits table, the
// package's own functions whose every path ends in a call that never
// returns or a panic (their go/cfg graphs), and, installed here before
// any pass builds the SSA, the functions of other packages whose
// summary says they never return (Fact.Ends). This file computes Ends
// for the package's exported functions, so that
//
//	func Fatal(msg string) { log.Print(msg); os.Exit(1) }
//
// in package util makes util.Fatal("x") a stop in its importers, for
// the SSA builder (a synthetic panic after the call) and for the passes
// that ask how it ends (lockfile: a process exit skips deferred calls).
//
// Bottom-up order comes from the facts (a package is analyzed after
// the packages it imports) and, inside the package, from the
// predicate's own memoized walk of the callees' go/cfg graphs, not from
// ssakit.BottomUp: the SSA builder asks the predicate while it builds,
// so the answer must not need the SSA. No SSA is built for it, and
// graphs only for the candidates (exitCandidates) and their callees. A
// cycle of functions is taken as one that may return; go/cfg takes a
// body with a deferred call as one that may return (the call may
// recover); and a body that never returns but ends in no call that
// says how (an endless loop) stops the SSA of its own package but gets
// no summary.

// importedEnding is the stop predicate's answer for a function of
// another package: its summary's Ends (a generic function's, for its
// instances).
func (r *Result) importedEnding(fn *types.Func) knowledge.Ending {
	if f := r.imported[fn.Origin()]; f != nil {
		return f.Ends
	}
	return knowledge.Returns
}

// exitCandidates is the cheap syntactic filter: the package's exported
// functions that could end in a call that never returns. A function is
// a candidate when a statement of its body calls the panic builtin, a
// function of the exits table, a never-returning function of another
// package, or a candidate of the package (go/cfg stops only at calls
// that are statements). Only candidates have their graphs built.
func (r *Result) exitCandidates(pass *analysis.Pass) []*types.Func {
	direct := make(map[*types.Func]bool)
	calls := make(map[*types.Func][]*types.Func) // local callees, by caller
	var decls []*types.Func
	panicBuiltin := types.Universe.Lookup("panic")
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			decls = append(decls, fn)
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // its statements end the literal, not fn
				}
				stmt, ok := n.(*ast.ExprStmt)
				if !ok {
					return true
				}
				call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
				if !ok {
					return true
				}
				id, _ := ast.Unparen(call.Fun).(*ast.Ident)
				callee := typeutil.StaticCallee(pass.TypesInfo, call)
				switch {
				case id != nil && pass.TypesInfo.Uses[id] == panicBuiltin:
					direct[fn] = true
				case callee == nil:
				case callee.Pkg() == pass.Pkg:
					calls[fn] = append(calls[fn], callee.Origin())
				case knowledge.Exit(callee) != knowledge.Returns || r.importedEnding(callee) != knowledge.Returns:
					direct[fn] = true
				}
				return true
			})
		}
	}
	if len(direct) == 0 {
		return nil
	}
	// A caller of a candidate is a candidate, until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, fn := range decls {
			if direct[fn] {
				continue
			}
			for _, callee := range calls[fn] {
				if direct[callee] {
					direct[fn] = true
					changed = true
					break
				}
			}
		}
	}
	var out []*types.Func
	for _, fn := range decls {
		if direct[fn] && fn.Exported() {
			out = append(out, fn)
		}
	}
	return out
}

// summarizeExits records Ends in the summary of each candidate that
// never returns, as the stop predicate says.
func (r *Result) summarizeExits(prog *ssabuild.SSA, candidates []*types.Func) {
	for _, fn := range candidates {
		if e := prog.Ending(fn); e != knowledge.Returns {
			f := r.local[fn]
			if f == nil {
				f = new(Fact)
				r.local[fn] = f
			}
			f.Ends = e
		}
	}
}
