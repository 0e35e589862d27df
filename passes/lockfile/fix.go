package lockfile

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

// heldHint is the wrapping the opaque-held-error fix puts around the
// error; its first argument is the lock path, its second the error.
const heldHint = "%s is held by another process, or is stale from a crash: remove it if no other process runs: %w"

// fixLeak returns the fix for a lock that every path should release:
// a deferred os.Remove right after the acquisition and its failure
// tests, replacing the explicit removals (which would otherwise remove
// the file twice, the second time perhaps another process's new lock).
// It is offered only when the shape is clear.
func (st *state) fixLeak(sa *siteAnalysis, acq *ast.CallExpr, path string) *analysis.SuggestedFix {
	s := sa.s
	if !sa.holder || sa.handedOff || len(sa.closures) > 0 || s.release != nil || s.field != "" {
		return nil // the function hands the lock over, or releases it in ways a fix cannot merge
	}
	f := st.syn.File(acq.Pos())
	if f == nil || analysisutil.CgoRewritten(f) || !simplePath(st.syn.Arg(acq, s.arg)) {
		return nil
	}
	body := funcBody(sa.fn)
	after := st.acquiredFrom(f, acq, body)
	if !after.IsValid() {
		return nil
	}
	for _, l := range sa.exits {
		if pos, _ := st.exitRange(sa.fn, l.exit); l.exitCall != nil || pos <= after {
			return nil
		}
	}
	var edits []analysis.TextEdit
	for _, b := range sa.fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok || !st.releases(ci, s.path, s, nil, 0) {
				continue
			}
			stmt := st.removeStmt(f, ci, body)
			if stmt == nil || stmt.Pos() <= after {
				return nil
			}
			edit, ok := st.deleteLine(stmt)
			if !ok {
				return nil
			}
			edits = append(edits, edit)
		}
	}
	os := st.osName(f, after)
	if os == "" {
		return nil
	}
	text := fmt.Sprintf("\n%sdefer %s.Remove(%s)", st.syn.IndentAt(after), os, path)
	edits = append(edits, analysis.TextEdit{Pos: after, End: after, NewText: []byte(text)})
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("defer os.Remove(%s) right after acquiring the lock", path),
		TextEdits: edits,
	}
}

// simplePath reports whether a path expression can be evaluated again
// with the same value: a name, or a field of a name.
func simplePath(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simplePath(e.X)
	case *ast.BasicLit:
		return e.Kind == token.STRING
	}
	return false
}

// funcBody returns the body of a function's declaration or literal.
func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return syn.Body
	case *ast.FuncLit:
		return syn.Body
	}
	return nil
}

// acquiredFrom returns the position where the lock is known held: the
// end of the statement that acquires it, when that statement is an if
// whose failure branch returns, or the end of the ifs right after it that
// test its results and return on failure. It returns NoPos for any other
// shape, and inside loops (a defer there runs only at the function's end).
func (st *state) acquiredFrom(f *ast.File, acq *ast.CallExpr, body *ast.BlockStmt) token.Pos {
	if body == nil {
		return token.NoPos
	}
	path, _ := fixutil.EnclosingPath(f, acq.Pos(), acq.End())
	var stmt ast.Stmt
	var list []ast.Stmt
	for i, n := range path {
		if n == body {
			break
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return token.NoPos
		}
		if s, ok := n.(ast.Stmt); ok && stmt == nil && i+1 < len(path) {
			switch p := path[i+1].(type) {
			case *ast.BlockStmt:
				stmt, list = s, p.List
			case *ast.CaseClause:
				stmt, list = s, p.Body
			case *ast.CommClause:
				stmt, list = s, p.Body
			}
		}
	}
	if stmt == nil {
		return token.NoPos
	}
	switch s := stmt.(type) {
	case *ast.IfStmt:
		assign, ok := s.Init.(*ast.AssignStmt)
		if !ok || len(assign.Rhs) != 1 || ast.Unparen(assign.Rhs[0]) != acq ||
			!st.failureIf(&ast.IfStmt{Cond: s.Cond, Body: s.Body, Else: s.Else}, st.assigned(assign)) {
			return token.NoPos
		}
		return s.End()
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 || ast.Unparen(s.Rhs[0]) != acq {
			return token.NoPos
		}
		objs := st.assigned(s)
		end := token.NoPos
		for i, x := range list {
			if x != stmt {
				continue
			}
			for _, next := range list[i+1:] {
				ifs, ok := next.(*ast.IfStmt)
				if !ok || !st.failureIf(ifs, objs) {
					break
				}
				end = ifs.End()
			}
		}
		return end
	}
	return token.NoPos
}

// assigned returns the variables an assignment sets.
func (st *state) assigned(a *ast.AssignStmt) map[types.Object]bool {
	objs := map[types.Object]bool{}
	for _, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			if o := st.pass.TypesInfo.ObjectOf(id); o != nil {
				objs[o] = true
			}
		}
	}
	return objs
}

// failureIf reports whether ifs tests one of objs, has no else, and
// leaves the function at the end of its body.
func (st *state) failureIf(ifs *ast.IfStmt, objs map[types.Object]bool) bool {
	if ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	mentions := false
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && objs[st.pass.TypesInfo.Uses[id]] {
			mentions = true
		}
		return !mentions
	})
	if !mentions {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				_, isBuiltin := st.pass.TypesInfo.Uses[id].(*types.Builtin)
				return isBuiltin && id.Name == "panic"
			}
		}
	}
	return false
}

// removeStmt returns the statement of an explicit os.Remove release that
// the deferred removal can replace: defer os.Remove(p), or os.Remove(p)
// (or _ = os.Remove(p)) right before a return or at the end of the body.
func (st *state) removeStmt(f *ast.File, ci ssa.CallInstruction, body *ast.BlockStmt) ast.Stmt {
	callee := ssakit.Callee(ci.Common())
	if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "os" || callee.Name() != "Remove" {
		return nil
	}
	call := st.syn.Call(ci.Common().Pos())
	if call == nil {
		return nil
	}
	path, _ := fixutil.EnclosingPath(f, call.Pos(), call.End())
	for i, n := range path {
		var list []ast.Stmt
		if i+1 < len(path) {
			switch p := path[i+1].(type) {
			case *ast.BlockStmt:
				list = p.List
			case *ast.CaseClause:
				list = p.Body
			case *ast.CommClause:
				list = p.Body
			}
		}
		switch s := n.(type) {
		case *ast.DeferStmt:
			if s.Call == call && list != nil {
				return s
			}
			return nil
		case *ast.ExprStmt:
			if ast.Unparen(s.X) != call || list == nil {
				return nil
			}
			return beforeReturn(s, list, path[i+1] == body)
		case *ast.AssignStmt:
			if len(s.Rhs) != 1 || ast.Unparen(s.Rhs[0]) != call || list == nil || !blanks(s.Lhs) {
				return nil
			}
			return beforeReturn(s, list, path[i+1] == body)
		case ast.Stmt:
			return nil
		}
	}
	return nil
}

// beforeReturn returns s when the next statement of list returns, or s
// ends the function's body.
func beforeReturn(s ast.Stmt, list []ast.Stmt, inBody bool) ast.Stmt {
	for i, x := range list {
		if x != s {
			continue
		}
		if i+1 == len(list) {
			if inBody {
				return s
			}
			return nil
		}
		if _, ok := list[i+1].(*ast.ReturnStmt); ok {
			return s
		}
	}
	return nil
}

// blanks reports whether every expression is the blank identifier.
func blanks(es []ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// deleteLine returns the edit that deletes a statement alone on its
// line(s), with a trailing comment.
func (st *state) deleteLine(s ast.Stmt) (analysis.TextEdit, bool) {
	start := st.syn.LineStart(s.Pos())
	if strings.TrimSpace(st.syn.Src(start, s.Pos())) != "" {
		return analysis.TextEdit{}, false
	}
	rest := st.syn.Src(s.End(), s.End()+token.Pos(st.syn.LineLen(s.End())))
	if r := strings.TrimSpace(rest); r != "" && !strings.HasPrefix(r, "//") {
		return analysis.TextEdit{}, false
	}
	end := s.End() + token.Pos(st.syn.LineLen(s.End())) + 1
	if tf := st.pass.Fset.File(s.Pos()); int(end-token.Pos(tf.Base())) > tf.Size() {
		end = token.Pos(tf.Base() + tf.Size())
	}
	return analysis.TextEdit{Pos: start, End: end}, true
}

// fixOpaque wraps an opaque error returned when the lock is held:
// fmt.Errorf("... %w", path, err), adding the fmt import if the file
// lacks it.
func (st *state) fixOpaque(sa *siteAnalysis, h heldReturn, acq *ast.CallExpr) *analysis.SuggestedFix {
	if !h.held {
		return nil // the error may be another failure than a held lock
	}
	ret := st.syn.Return(h.ret.Pos())
	f := st.syn.File(acq.Pos())
	if ret == nil || f == nil || analysisutil.CgoRewritten(f) || len(ret.Results) != sa.fn.Signature.Results().Len() {
		return nil
	}
	arg := st.syn.Arg(acq, sa.s.arg)
	if !simplePath(arg) || !st.visibleAt(f, arg, ret.Pos()) {
		return nil
	}
	path := types.ExprString(arg)
	if fld := sa.s.path.field; fld != nil {
		if !fld.Exported() && fld.Pkg() != st.pass.Pkg {
			return nil
		}
		path += "." + fld.Name()
	}
	fmtName, edits, ok := st.fmtAt(f, ret.Pos())
	if !ok {
		return nil
	}
	errExpr := ret.Results[sa.errResult]
	text := fmt.Sprintf("%s.Errorf(%q, %s, %s)", fmtName, heldHint, path, st.syn.Src(errExpr.Pos(), errExpr.End()))
	edits = append(edits, analysis.TextEdit{Pos: errExpr.Pos(), End: errExpr.End(), NewText: []byte(text)})
	return &analysis.SuggestedFix{
		Message:   "wrap the error with the lock file's path and how to clear a stale lock",
		TextEdits: edits,
	}
}

// visibleAt reports whether every name e uses means the same at pos.
func (st *state) visibleAt(f *ast.File, e ast.Expr, pos token.Pos) bool {
	scope := st.pass.TypesInfo.Scopes[f]
	if scope == nil {
		return false
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	var check func(e ast.Expr) bool
	check = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := st.pass.TypesInfo.Uses[e]
			_, found := scope.LookupParent(e.Name, pos)
			return obj != nil && found == obj
		case *ast.SelectorExpr:
			return check(e.X)
		case *ast.BasicLit:
			return true
		}
		return false
	}
	return check(e)
}

// fmtAt returns the name under which package fmt can be used at pos, and
// the edits that import it when the file does not.
func (st *state) fmtAt(f *ast.File, pos token.Pos) (string, []analysis.TextEdit, bool) {
	scope := st.pass.TypesInfo.Scopes[f]
	if scope == nil {
		return "", nil, false
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	for _, imp := range f.Imports {
		if imp.Path.Value != `"fmt"` {
			continue
		}
		name := "fmt"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "fmt" {
				return name, nil, true
			}
		}
		return "", nil, false
	}
	if _, obj := scope.LookupParent("fmt", pos); obj != nil {
		return "", nil, false // another fmt is in scope
	}
	edits := st.importFmt(f)
	return "fmt", edits, edits != nil
}

// importFmt returns the edits that add "fmt" to the file's imports: in
// its parenthesized import declaration, among the standard library's
// imports and in order, or by turning a single import into a group.
func (st *state) importFmt(f *ast.File) []analysis.TextEdit {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || len(gd.Specs) == 0 {
			continue
		}
		if !gd.Lparen.IsValid() {
			spec := gd.Specs[0]
			return []analysis.TextEdit{
				{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte("(\n\t\"fmt\"\n\t")},
				{Pos: spec.End(), End: spec.End(), NewText: []byte("\n)")},
			}
		}
		var before, lastStd *ast.ImportSpec
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil || !stdPath(p) {
				continue
			}
			if p > "fmt" && before == nil {
				before = is
			}
			lastStd = is
		}
		switch {
		case before != nil:
			at := before.Pos()
			return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\"fmt\"\n" + st.syn.IndentAt(at))}}
		case lastStd != nil:
			at := lastStd.End() + token.Pos(st.syn.LineLen(lastStd.End()))
			return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n" + st.syn.IndentAt(lastStd.Pos()) + "\"fmt\"")}}
		default:
			at := gd.Lparen + 1
			return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\t\"fmt\"\n")}}
		}
	}
	return nil
}

// stdPath reports whether an import path is the standard library's: no
// dot in its first element.
func stdPath(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// osName returns the name under which package os is visible at pos, or
// "" when it is not (the fix adds no import of os).
func (st *state) osName(f *ast.File, pos token.Pos) string {
	scope := st.pass.TypesInfo.Scopes[f]
	if scope == nil {
		return ""
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	for _, imp := range f.Imports {
		if imp.Path.Value != `"os"` {
			continue
		}
		name := "os"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "os" {
				return name
			}
		}
	}
	return ""
}
