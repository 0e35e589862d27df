package pathrace

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/ssakit"
)

// fixes returns the suggested fixes for a report on a direct operation,
// when the code has a shape the fix can rewrite safely.
func (st *state) fixes(cat string, u *effects.UseSite, checkCall, useCall *ast.CallExpr) []analysis.SuggestedFix {
	os := st.osName(useCall)
	if os == "" {
		return nil
	}
	name := u.Callee.Pkg().Path() + "." + u.Callee.Name()
	var fix *analysis.SuggestedFix
	switch {
	case cat == CreateIfAbsent && name == "os.Create":
		fix = fixCreate(os, useCall)
	case cat == CreateIfAbsent && name == "os.OpenFile":
		fix = fixOpenFile(os, useCall)
	case cat == CreateIfAbsent && (name == "os.WriteFile" || name == "io/ioutil.WriteFile"):
		fix = st.fixWriteFile(os, useCall)
	case cat == MkdirIfAbsent && name == "os.Mkdir":
		fix = fixMkdir(useCall)
	case cat == RemoveIfPresent && name == "os.Remove":
		fix = st.fixRemove(os, checkCall, useCall)
	case cat == ReadIfPresent && (name == "os.ReadFile" || name == "os.Open" || name == "io/ioutil.ReadFile"):
		fix = st.fixRead(os, checkCall, useCall)
	}
	if fix == nil || st.dropsImport(fix) {
		return nil
	}
	return []analysis.SuggestedFix{*fix}
}

// dropsImport reports whether applying fix would leave an import unused
// (the only os.IsNotExist or ioutil.WriteFile of the file was in the text
// it replaces), which would break the build. A name the new text mentions
// (moved source text, or the os of the fix) still counts as used.
func (st *state) dropsImport(fix *analysis.SuggestedFix) bool {
	f := st.syn.File(fix.TextEdits[0].Pos)
	if f == nil {
		return true
	}
	if st.fixIndex == nil {
		st.fixIndex = fixutil.NewIndex(st.pass.TypesInfo)
	}
	return st.fixIndex.DropsImport(f, fix, true)
}

// osName returns the name under which package os is visible at call, or
// "" when it is not (a fix must not add imports it cannot see).
func (st *state) osName(call *ast.CallExpr) string {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if pn, ok := st.pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == "os" {
				return id.Name
			}
		}
	}
	f := st.syn.File(call.Pos())
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		if imp.Path.Value != `"os"` {
			continue
		}
		name := "os"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		scope := st.pass.TypesInfo.Scopes[f]
		if inner := scope.Innermost(call.Pos()); inner != nil {
			scope = inner
		}
		if _, obj := scope.LookupParent(name, call.Pos()); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "os" {
				return name
			}
		}
	}
	return ""
}

// os.Create(p) → os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666):
// the same result types, and the same mode Create uses.
func fixCreate(os string, call *ast.CallExpr) *analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	return &analysis.SuggestedFix{
		Message: "create the file exclusively with O_CREATE|O_EXCL",
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("OpenFile")},
			{Pos: call.Args[0].End(), End: call.Args[0].End(),
				NewText: fmt.Appendf(nil, ", %[1]s.O_RDWR|%[1]s.O_CREATE|%[1]s.O_EXCL, 0o666", os)},
		},
	}
}

// os.OpenFile(p, flags, perm) → os.OpenFile(p, flags|os.O_EXCL, perm).
func fixOpenFile(os string, call *ast.CallExpr) *analysis.SuggestedFix {
	if len(call.Args) != 3 {
		return nil
	}
	at := call.Args[1].End()
	return &analysis.SuggestedFix{
		Message:   "add O_EXCL so that the create fails if the file exists",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: fmt.Appendf(nil, "|%s.O_EXCL", os)}},
	}
}

// fixWriteFile rewrites os.WriteFile(p, data, perm) into an exclusive
// create, a write and a close, as ordinary statements, where the call's
// statement has a shape that allows it:
//
//	return os.WriteFile(p, data, perm)
//	err := os.WriteFile(p, data, perm)   (or err = ...)
//	if err := os.WriteFile(p, data, perm); err != nil {   (or err = ...)
//
// For the return:
//
//	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
//	if err != nil {
//		return err
//	}
//	_, err = f.Write(data)
//	if err1 := f.Close(); err == nil {
//		err = err1
//	}
//	return err
//
// and for the others the same with the write and close under
// "if err == nil {", followed by the if statement without its init, whose
// err then lives in the enclosing block: only when no err is visible there
// or declared in it. The names the fix adds are fresh (f1, err2, ... when
// f or err are taken). data is evaluated after the open instead of
// before, so it must be an expression without effects (names, literals,
// conversions); the fix is not offered otherwise, nor for any other shape.
func (st *state) fixWriteFile(os string, call *ast.CallExpr) *analysis.SuggestedFix {
	if len(call.Args) != 3 || call.Ellipsis.IsValid() || !st.effectFree(call.Args[1]) {
		return nil
	}
	file := st.syn.File(call.Pos())
	if file == nil {
		return nil
	}
	path, exact := fixutil.EnclosingPath(file, call.Pos(), call.End())
	if !exact || len(path) < 3 || path[0] != call {
		return nil
	}
	inList := func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return true
		}
		return false
	}
	var (
		stmt    ast.Stmt // the statement replaced, from its start to cut
		cut     token.Pos
		errName string
		define  bool   // declare err with :=
		ret     bool   // the return shape
		tail    string // what follows the new statements
	)
	switch s := path[1].(type) {
	case *ast.ReturnStmt:
		if len(s.Results) != 1 || !inList(path[2]) {
			return nil
		}
		stmt, cut, ret = s, s.End(), true
	case *ast.AssignStmt:
		if len(s.Lhs) != 1 || len(s.Rhs) != 1 || (s.Tok != token.DEFINE && s.Tok != token.ASSIGN) {
			return nil
		}
		id, ok := s.Lhs[0].(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		if v, ok := st.pass.TypesInfo.ObjectOf(id).(*types.Var); !ok || !ssakit.IsError(v.Type()) {
			return nil
		}
		errName, define = id.Name, s.Tok == token.DEFINE
		switch outer := path[2].(type) {
		case *ast.IfStmt:
			if outer.Init != s || !inList(path[3]) {
				return nil
			}
			stmt, cut, tail = outer, outer.Cond.Pos(), "if "
		default:
			if !inList(outer) {
				return nil
			}
			stmt, cut = s, s.End()
		}
	default:
		return nil
	}
	// The scope the new statements are in.
	scope := st.pass.TypesInfo.Scopes[file].Innermost(stmt.Pos())
	if scope == nil {
		return nil
	}
	if ifs, ok := stmt.(*ast.IfStmt); ok {
		if st.pass.TypesInfo.Scopes[ifs] == scope {
			scope = scope.Parent()
		}
		// The if's err moves out into the enclosing block.
		if define && fixutil.Taken(scope, stmt.Pos(), errName) {
			return nil
		}
	}
	if ret {
		errName = fixutil.FreshName(scope, stmt.Pos(), "err")
	}
	// The arguments must not mention the error variable, which the open
	// now assigns before the write reads data.
	for _, a := range call.Args {
		if usesName(a, errName) {
			return nil
		}
	}
	fName := fixutil.FreshName(scope, stmt.Pos(), "f", errName)
	closeErr := fixutil.FreshName(scope, stmt.Pos(), "err", errName, fName)

	src := func(e ast.Expr) string { return st.syn.Src(e.Pos(), e.End()) }
	r := map[string]string{"OS": os, "F": fName, "E": errName, "C": closeErr,
		"P": src(call.Args[0]), "D": src(call.Args[1]), "M": src(call.Args[2])}
	var text string
	open := "F, E := OS.OpenFile(P, OS.O_WRONLY|OS.O_CREATE|OS.O_EXCL, M)\n"
	if !define && !ret {
		open = "var F *OS.File\nF, E = OS.OpenFile(P, OS.O_WRONLY|OS.O_CREATE|OS.O_EXCL, M)\n"
	}
	if ret {
		text = open + "if E != nil {\n\treturn E\n}\n_, E = F.Write(D)\nif C := F.Close(); E == nil {\n\tE = C\n}\nreturn E"
	} else {
		text = open + "if E == nil {\n\t_, E = F.Write(D)\n\tif C := F.Close(); E == nil {\n\t\tE = C\n\t}\n}"
		if tail != "" {
			text += "\n" + tail
		}
	}
	text = expand(text, r)
	indent := st.syn.IndentAt(stmt.Pos())
	text = strings.ReplaceAll(text, "\n", "\n"+indent)
	return &analysis.SuggestedFix{
		Message:   "create the file exclusively with O_CREATE|O_EXCL, then write it",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: cut, NewText: []byte(text)}},
	}
}

// expand replaces each identifier token of a template that is a key of r
// by its value.
func expand(tmpl string, r map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		j := i
		for j < len(tmpl) && (tmpl[j] >= 'A' && tmpl[j] <= 'Z' || tmpl[j] >= 'a' && tmpl[j] <= 'z' || tmpl[j] >= '0' && tmpl[j] <= '9' || tmpl[j] == '_') {
			j++
		}
		if j == i {
			b.WriteByte(tmpl[i])
			i++
			continue
		}
		if v, ok := r[tmpl[i:j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[i:j])
		}
		i = j
	}
	return b.String()
}

// effectFree reports whether evaluating e later, or not at all, cannot
// change what the program does: names, constants and literals, field
// selections, and conversions of those.
func (st *state) effectFree(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return st.effectFree(e.X)
	case *ast.SelectorExpr:
		if sel := st.pass.TypesInfo.Selections[e]; sel != nil {
			return sel.Kind() == types.FieldVal && !sel.Indirect() && st.effectFree(e.X)
		}
		return true // a qualified identifier
	case *ast.CallExpr:
		if tv, ok := st.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return st.effectFree(e.Args[0])
		}
	}
	if tv, ok := st.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return true // a constant expression
	}
	return false
}

// os.Mkdir(p, perm) → os.MkdirAll(p, perm), which succeeds when the
// directory exists.
func fixMkdir(call *ast.CallExpr) *analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "use MkdirAll, which succeeds if the directory exists",
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("MkdirAll")}},
	}
}

// checkIf returns the if statement whose init or condition holds the
// check call, with the statement list that holds it, when the if has no
// else and its init declares nothing used outside the condition.
func (st *state) checkIf(checkCall *ast.CallExpr) (*ast.IfStmt, []ast.Node) {
	f := st.syn.File(checkCall.Pos())
	if f == nil {
		return nil, nil
	}
	path, _ := fixutil.EnclosingPath(f, checkCall.Pos(), checkCall.End())
	for i, n := range path {
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			continue
		}
		if ifs.Else != nil || !within(checkCall, ifs.Init) && !within(checkCall, ifs.Cond) {
			return nil, nil
		}
		if st.initUsedIn(ifs, ifs.Body) {
			return nil, nil
		}
		return ifs, path[i+1:]
	}
	return nil, nil
}

func within(n ast.Node, outer ast.Node) bool {
	return outer != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// initUsedIn reports whether a variable declared in ifs.Init is used in n.
func (st *state) initUsedIn(ifs *ast.IfStmt, n ast.Node) bool {
	if ifs.Init == nil {
		return false
	}
	declared := map[types.Object]bool{}
	ast.Inspect(ifs.Init, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			if obj := st.pass.TypesInfo.Defs[id]; obj != nil {
				declared[obj] = true
			}
		}
		return true
	})
	used := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && declared[st.pass.TypesInfo.Uses[id]] {
			used = true
		}
		return !used
	})
	return used
}

// fixRemove rewrites
//
//	if _, err := os.Stat(p); err == nil {
//		if err := os.Remove(p); err != nil {
//			return err
//		}
//	}
//
// into a remove that tolerates absence:
//
//	if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
//		return err
//	}
//
// and an "if present { os.Remove(p) }" whose error is dropped into the
// bare remove.
func (st *state) fixRemove(os string, checkCall, useCall *ast.CallExpr) *analysis.SuggestedFix {
	ifs, parents := st.checkIf(checkCall)
	if ifs == nil || len(ifs.Body.List) != 1 || !within(useCall, ifs.Body) {
		return nil
	}
	var text string
	switch s := ifs.Body.List[0].(type) {
	case *ast.ExprStmt:
		if s.X != useCall || isElse(ifs, parents) {
			return nil
		}
		// Keep a trailing comment of the statement.
		text = strings.TrimRight(st.syn.Src(s.Pos(), s.End()+token.Pos(st.syn.LineLen(s.End()))), " \t")
	case *ast.IfStmt:
		init, ok := s.Init.(*ast.AssignStmt)
		if !ok || s.Else != nil || len(init.Lhs) != 1 || len(init.Rhs) != 1 || init.Rhs[0] != useCall {
			return nil
		}
		errID, ok := init.Lhs[0].(*ast.Ident)
		cmp, ok2 := s.Cond.(*ast.BinaryExpr)
		if !ok || !ok2 || cmp.Op != token.NEQ || !isIdent(cmp.X, errID.Name) || !isIdent(cmp.Y, "nil") {
			return nil
		}
		text = st.syn.Src(s.Pos(), cmp.End()) +
			fmt.Sprintf(" && !%s.IsNotExist(%s)", os, errID.Name) +
			st.syn.Src(cmp.End(), s.End())
	default:
		return nil
	}
	if hasMultilineRawString(ifs.Body) {
		return nil // re-indenting would change the string
	}
	return &analysis.SuggestedFix{
		Message:   "remove the file directly and ignore fs.ErrNotExist",
		TextEdits: []analysis.TextEdit{{Pos: ifs.Pos(), End: ifs.End(), NewText: []byte(dedent(text))}},
	}
}

// fixRead rewrites an early return on absence before a read,
//
//	if _, err := os.Stat(p); os.IsNotExist(err) {
//		return nil, nil
//	}
//	data, err := os.ReadFile(p)
//
// into the read's own test of fs.ErrNotExist:
//
//	data, err := os.ReadFile(p)
//	if os.IsNotExist(err) {
//		return nil, nil
//	}
func (st *state) fixRead(os string, checkCall, useCall *ast.CallExpr) *analysis.SuggestedFix {
	ifs, parents := st.checkIf(checkCall)
	if ifs == nil || len(parents) == 0 || !terminates(ifs.Body) {
		return nil
	}
	block, ok := parents[0].(*ast.BlockStmt)
	if !ok {
		return nil
	}
	// The read must be an assignment later in the same block.
	var read *ast.AssignStmt
	for _, s := range block.List {
		if a, ok := s.(*ast.AssignStmt); ok && s.Pos() > ifs.End() && len(a.Rhs) == 1 && a.Rhs[0] == useCall {
			read = a
		}
	}
	if read == nil || len(read.Lhs) != 2 {
		return nil
	}
	errID, ok := read.Lhs[1].(*ast.Ident)
	if !ok || errID.Name == "_" {
		return nil
	}
	// Names the read declares must not capture names the moved body uses.
	if read.Tok == token.DEFINE {
		for _, l := range read.Lhs {
			if id, ok := l.(*ast.Ident); ok && usesName(ifs.Body, id.Name) {
				return nil
			}
		}
	}
	indent := st.syn.IndentAt(read.Pos())
	moved := fmt.Sprintf("\n%sif %s.IsNotExist(%s) %s", indent, os, errID.Name, st.syn.Src(ifs.Body.Pos(), ifs.Body.End()))
	eol := read.End() + token.Pos(st.syn.LineLen(read.End())) // after a trailing comment
	return &analysis.SuggestedFix{
		Message: "drop the check and test the read's error for fs.ErrNotExist",
		TextEdits: []analysis.TextEdit{
			{Pos: st.syn.LineStart(ifs.Pos()), End: ifs.End() + token.Pos(st.syn.LineLen(ifs.End())) + 1},
			{Pos: eol, End: eol, NewText: []byte(moved)},
		},
	}
}

func hasMultilineRawString(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.ContainsRune(lit.Value, '\n') {
			found = true
		}
		return !found
	})
	return found
}

func isElse(ifs *ast.IfStmt, parents []ast.Node) bool {
	if len(parents) == 0 {
		return false
	}
	outer, ok := parents[0].(*ast.IfStmt)
	return ok && outer.Else == ifs
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func usesName(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// terminates reports whether a block ends by leaving its enclosing flow.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE || s.Tok == token.BREAK
	}
	return false
}

// dedent removes one tab from every line but the first.
func dedent(s string) string { return strings.ReplaceAll(s, "\n\t", "\n") }
