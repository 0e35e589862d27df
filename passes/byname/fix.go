package byname

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
)

// fix returns the suggested fix that calls the handle's method instead of
// the operation by name, or nil when the rewrite would not be safe:
//
//	os.Chmod(p, m)     → f.Chmod(m)
//	os.Chown(p, u, g)  → f.Chown(u, g)
//	os.Truncate(p, n)  → f.Truncate(n)
//	os.Stat(p)         → f.Stat()
func (st *state) fix(o *effects.OpenSite, op *opSite, handle ast.Expr, useCall *ast.CallExpr) *analysis.SuggestedFix {
	method := op.op.FileMethod
	if method == "" || useCall.Ellipsis.IsValid() {
		return nil
	}
	if op.category == TruncateByName && o.Access != effects.AccessWritable {
		return nil // f.Truncate needs a handle opened for writing
	}
	id, ok := handle.(*ast.Ident)
	if !ok {
		return nil // a field or an element may hold another file by then
	}
	v := st.handleVar(id)
	if v == nil || !effects.IsOSFile(v.Type()) || !st.visibleAt(v, useCall.Pos()) || !st.assignedOnce(v, id) {
		return nil
	}
	var edit analysis.TextEdit
	if len(useCall.Args) == 1 {
		edit = analysis.TextEdit{Pos: useCall.Pos(), End: useCall.Rparen, NewText: fmt.Appendf(nil, "%s.%s(", id.Name, method)}
	} else {
		edit = analysis.TextEdit{Pos: useCall.Pos(), End: useCall.Args[1].Pos(), NewText: fmt.Appendf(nil, "%s.%s(", id.Name, method)}
	}
	fix := &analysis.SuggestedFix{
		Message:   fmt.Sprintf("use %s.%s on the open handle", id.Name, method),
		TextEdits: []analysis.TextEdit{edit},
	}
	if st.dropsLastUse(fix) {
		return nil
	}
	return fix
}

// handleVar returns the variable an identifier on the left of an
// assignment or declaration denotes.
func (st *state) handleVar(id *ast.Ident) *types.Var {
	obj := st.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = st.pass.TypesInfo.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v == nil || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // only local variables: others may change behind the function's back
	}
	return v
}

// visibleAt reports whether v's name denotes v at pos: v is in scope
// there and no inner declaration shadows it.
func (st *state) visibleAt(v *types.Var, pos token.Pos) bool {
	f := st.syn.File(pos)
	if f == nil {
		return false
	}
	scope := st.pass.TypesInfo.Scopes[f]
	if scope == nil {
		return false
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	_, obj := scope.LookupParent(v.Name(), pos)
	return obj == v
}

// assignedOnce reports whether the only assignment to v in its function
// is the one at def (the open's), and its address is never taken: then v
// holds the open's file wherever the open dominates.
func (st *state) assignedOnce(v *types.Var, def *ast.Ident) bool {
	f := st.syn.File(def.Pos())
	if f == nil {
		return false
	}
	path, _ := fixutil.EnclosingPath(f, def.Pos(), def.End())
	var body ast.Node
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
	}
	if body == nil {
		return false
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id != def && (st.pass.TypesInfo.Uses[id] == v || st.pass.TypesInfo.Defs[id] == v)
	}
	once := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if isV(l) {
					once = false
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil && isV(n.Key) || n.Value != nil && isV(n.Value) {
				once = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				once = false
			}
		}
		return once
	})
	return once
}

// dropsLastUse reports whether applying fix would remove the last use of
// an import or of a local variable (both are compile errors).
func (st *state) dropsLastUse(fix *analysis.SuggestedFix) bool {
	f := st.syn.File(fix.TextEdits[0].Pos)
	if f == nil {
		return true
	}
	if st.fixIndex == nil {
		st.fixIndex = fixutil.NewIndex(st.pass.TypesInfo)
	}
	return len(st.fixIndex.LastUses(f, fix.TextEdits, true)) > 0
}
