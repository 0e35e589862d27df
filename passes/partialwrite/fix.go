package partialwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/ssakit"
)

// syncFix inserts, before the Close that precedes the rename (or before
// the rename when the file is closed only by a defer),
//
//	if err := f.Sync(); err != nil {
//		f.Close()
//		return zero, …, err
//	}
//
// when the enclosing function's last result is an error and the zero
// values of the others can be spelled in the file. It returns nil when
// the shape does not allow it; the report then names the remedy only.
func (st *state) syncFix(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues, renameCall *ast.CallExpr) *analysis.SuggestedFix {
	f := st.syn.File(renameCall.Pos())
	if f == nil || analysisutil.CgoRewritten(f) {
		return nil // a fix's positions in a file cgo rewrote are not the user's file
	}
	closeCall, deferred := st.closeBefore(fn, rn, file)
	var at ast.Stmt
	var handle *ast.Ident
	closeToo := false
	switch {
	case closeCall != nil:
		sel, ok := closeCall.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		handle, _ = sel.X.(*ast.Ident)
		at = st.stmtBefore(f, closeCall)
		closeToo = true
	case !deferred:
		return nil // closed on some paths only: a Sync before the rename could follow a Close
	default:
		if !rn.direct || rn.srcArg >= len(renameCall.Args) {
			return nil
		}
		src, ok := renameCall.Args[rn.srcArg].(*ast.CallExpr) // os.Rename(f.Name(), dst)
		if !ok {
			return nil
		}
		if sel, ok := src.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Name" {
			handle, _ = sel.X.(*ast.Ident)
		}
		closeCall = renameCall
		at = st.stmtBefore(f, renameCall)
	}
	if handle == nil || at == nil || !st.onlyCallsAfter(at, closeCall) {
		return nil
	}
	obj := st.pass.TypesInfo.Uses[handle]
	if obj == nil || st.lookup(f, handle.Name, at.Pos()) != obj {
		return nil
	}
	zeros, ok := st.zeroResults(f, at)
	if !ok {
		return nil
	}
	indent := st.syn.IndentAt(at.Pos())
	var b strings.Builder
	fmt.Fprintf(&b, "if err := %s.Sync(); err != nil {\n", handle.Name)
	if closeToo {
		fmt.Fprintf(&b, "%s\t%s.Close()\n", indent, handle.Name)
	}
	fmt.Fprintf(&b, "%s\treturn %s\n%s}\n%s", indent, strings.Join(append(zeros, "err"), ", "), indent, indent)
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("call %s.Sync() before closing and renaming the file", handle.Name),
		TextEdits: []analysis.TextEdit{{Pos: at.Pos(), End: at.Pos(), NewText: []byte(b.String())}},
	}
}

// closeBefore returns the syntax of the last Close of the file that runs
// on every path to rn, and whether the file is closed only by defers.
func (st *state) closeBefore(fn *ssa.Function, rn *renameSite, file *fileValues) (call *ast.CallExpr, deferredOnly bool) {
	var best *ssa.Call
	plain, deferred := 0, 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := ci.Common()
			callee := ssakit.Callee(common)
			if callee == nil || !isFileMethod(callee) || callee.Name() != "Close" ||
				len(common.Args) != 1 || !file.values[common.Args[0]] {
				continue
			}
			c, ok := ci.(*ssa.Call)
			if !ok {
				deferred++
				continue
			}
			plain++
			if ssakit.RunsBefore(c, rn.call) && (best == nil || ssakit.RunsBefore(best, c)) {
				best = c
			}
		}
	}
	if best != nil {
		return st.syn.Call(best.Call.Pos()), false
	}
	return nil, plain == 0
}

// stmtBefore returns the statement of a statement list that holds call,
// before which new statements can go.
func (st *state) stmtBefore(f *ast.File, call *ast.CallExpr) ast.Stmt {
	path, _ := fixutil.EnclosingPath(f, call.Pos(), call.End())
	for i := 0; i+1 < len(path); i++ {
		switch path[i+1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			s, ok := path[i].(ast.Stmt)
			if !ok {
				return nil
			}
			switch s.(type) {
			case *ast.DeferStmt, *ast.GoStmt:
				return nil
			}
			return s
		case *ast.FuncLit:
			return nil
		}
	}
	return nil
}

// onlyCallsAfter reports whether every call the head of s makes (its
// init and condition, for an if or a switch; all of it otherwise) runs after the
// Sync would: it is last itself, contains last (so runs after it), or is
// inside last's arguments (a path computation, as in os.Rename(f.Name(), dst)).
func (st *state) onlyCallsAfter(s ast.Stmt, last *ast.CallExpr) bool {
	var heads []ast.Node
	switch s := s.(type) {
	case *ast.IfStmt:
		heads = append(heads, s.Init, s.Cond)
	case *ast.SwitchStmt:
		heads = append(heads, s.Init, s.Tag)
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt:
		heads = append(heads, s)
	default:
		return false
	}
	if !within(last, heads...) {
		return false
	}
	ok := true
	for _, h := range heads {
		if h == nil {
			continue
		}
		ast.Inspect(h, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if n == last || contains(n, last) || contains(last, n) {
					return true
				}
				if tv, found := st.pass.TypesInfo.Types[n.Fun]; found && tv.IsType() {
					return true // a conversion
				}
				ok = false
			}
			return ok
		})
	}
	return ok
}

// contains reports whether inner lies within outer.
func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// within reports whether n lies within one of outers (nil ones ignored).
func within(n ast.Node, outers ...ast.Node) bool {
	for _, o := range outers {
		if o != nil && contains(o, n) {
			return true
		}
	}
	return false
}

// lookup returns the object name refers to at pos in f.
func (st *state) lookup(f *ast.File, name string, pos token.Pos) types.Object {
	scope := st.pass.TypesInfo.Scopes[f]
	if scope == nil {
		return nil
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// zeroResults returns the zero values of the results of the function that
// encloses s, all but the last, which must be an error.
func (st *state) zeroResults(f *ast.File, s ast.Stmt) ([]string, bool) {
	path, _ := fixutil.EnclosingPath(f, s.Pos(), s.End())
	var sig *types.Signature
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ = st.pass.TypesInfo.TypeOf(n).(*types.Signature)
		case *ast.FuncDecl:
			if obj, ok := st.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				sig, _ = obj.Type().(*types.Signature)
			}
		default:
			continue
		}
		break
	}
	if sig == nil || sig.Results().Len() == 0 || !ssakit.IsError(sig.Results().At(sig.Results().Len()-1).Type()) {
		return nil, false
	}
	var zeros []string
	for i := range sig.Results().Len() - 1 {
		z, ok := st.zeroValue(f, sig.Results().At(i).Type(), s.Pos())
		if !ok {
			return nil, false
		}
		zeros = append(zeros, z)
	}
	return zeros, true
}

// zeroValue spells the zero value of t at pos in f.
func (st *state) zeroValue(f *ast.File, t types.Type, pos token.Pos) (string, bool) {
	if tp, ok := t.(*types.TypeParam); ok {
		name := tp.Obj().Name()
		return "*new(" + name + ")", st.lookup(f, name, pos) == tp.Obj()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil", true
	case *types.Struct, *types.Array:
		ok := true
		text := types.TypeString(t, func(p *types.Package) string {
			if p == st.pass.Pkg {
				return ""
			}
			name := importName(f, p)
			if name == "" || st.lookup(f, name, pos) == nil {
				ok = false
			}
			return name
		})
		if n, isNamed := types.Unalias(t).(*types.Named); isNamed && n.Obj().Pkg() == st.pass.Pkg {
			ok = ok && st.lookup(f, n.Obj().Name(), pos) == n.Obj()
		}
		return text + "{}", ok
	}
	return "", false
}

// importName returns the name under which f imports p, or "".
func importName(f *ast.File, p *types.Package) string {
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || path != p.Path() {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		return p.Name()
	}
	return ""
}
