// Package fixutil holds what toctou's passes share when they build a
// suggested fix: whether a fix removes the last use of an import or of a
// local variable (an Index, built once per file and kept in the pass's
// per-run state, instead of a walk of the whole file per fix), the path of
// syntax enclosing a position (found within the enclosing declaration, not
// by sorting the whole file's declarations per question), and fresh names
// that do not collide with names in scope.
package fixutil

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// An Index records, per file, where each imported package name and each
// local variable is used. It is built lazily, one walk per file on the
// first question about that file; a pass keeps one Index per run. An
// Index is not safe for concurrent use.
type Index struct {
	info  *types.Info
	files map[*ast.File]*fileUses
}

// fileUses is the index of one file: the use positions of each object, in
// ascending order, and every use in position order.
type fileUses struct {
	uses map[types.Object][]token.Pos
	all  []objUse
}

// An objUse is one use of an object.
type objUse struct {
	pos token.Pos
	obj types.Object
}

// NewIndex returns an empty Index over the type information info.
func NewIndex(info *types.Info) *Index {
	return &Index{info: info, files: make(map[*ast.File]*fileUses)}
}

// isLocal reports whether v is a variable whose last use going away is a
// compile error: not a field, not package-level.
func isLocal(v *types.Var) bool {
	return !v.IsField() && v.Parent() != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}

func (ix *Index) file(f *ast.File) *fileUses {
	if fu, ok := ix.files[f]; ok {
		return fu
	}
	fu := &fileUses{uses: make(map[types.Object][]token.Pos)}
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := ix.info.Uses[id].(type) {
		case *types.PkgName:
		case *types.Var:
			if !isLocal(obj) {
				return true
			}
		default:
			return true
		}
		obj := ix.info.Uses[id]
		fu.uses[obj] = append(fu.uses[obj], id.Pos())
		fu.all = append(fu.all, objUse{id.Pos(), obj})
		return true
	})
	if !slices.IsSortedFunc(fu.all, func(a, b objUse) int { return cmp.Compare(a.pos, b.pos) }) {
		slices.SortStableFunc(fu.all, func(a, b objUse) int { return cmp.Compare(a.pos, b.pos) })
	}
	for _, ps := range fu.uses {
		if !slices.IsSorted(ps) {
			slices.Sort(ps)
		}
	}
	ix.files[f] = fu
	return fu
}

// LastUses returns the imported package names, and when locals is set the
// local variables, of f that are used in f and only in text that edits
// replace (an edit replaces [Pos, End)), in order of first use: applying
// the edits leaves each of them unused, unless the new text mentions it.
func (ix *Index) LastUses(f *ast.File, edits []analysis.TextEdit, locals bool) []types.Object {
	fu := ix.file(f)
	// Only the objects used inside the edits can lose their last use:
	// count their uses there, found by binary search in the file's uses,
	// instead of going through every object of the file.
	inside := make(map[types.Object]int)
	var cands []types.Object
	for _, e := range edits {
		lo := sort.Search(len(fu.all), func(i int) bool { return fu.all[i].pos >= e.Pos })
		for i := lo; i < len(fu.all) && fu.all[i].pos < e.End; i++ {
			obj := fu.all[i].obj
			if _, ok := obj.(*types.Var); ok && !locals {
				continue
			}
			if inside[obj] == 0 {
				cands = append(cands, obj)
			}
			// Edits of one fix do not overlap, so no use is counted twice.
			inside[obj]++
		}
	}
	var out []types.Object
	for _, obj := range cands {
		if inside[obj] >= len(fu.uses[obj]) {
			out = append(out, obj)
		}
	}
	// In order of first use in the file.
	sort.SliceStable(out, func(i, j int) bool { return fu.uses[out[i]][0] < fu.uses[out[j]][0] })
	return out
}

// DropsImport reports whether applying fix to f would leave an import
// unused, which breaks the build: an imported package name is used in f
// only in the text the fix replaces. When moved is set, the fix moves
// source text, and a name that a new text mentions as "name." still
// counts as used.
func (ix *Index) DropsImport(f *ast.File, fix *analysis.SuggestedFix, moved bool) bool {
	for _, obj := range ix.LastUses(f, fix.TextEdits, false) {
		if moved && mentioned(obj.Name()+".", fix.TextEdits) {
			continue
		}
		return true
	}
	return false
}

func mentioned(s string, edits []analysis.TextEdit) bool {
	for _, e := range edits {
		if strings.Contains(string(e.NewText), s) {
			return true
		}
	}
	return false
}

// EnclosingPath is astutil.PathEnclosingInterval(f, start, end), found
// within the declaration of f that holds the interval, and within the
// statement of a function's body that holds it, and so on down through
// the bodies of the blocks, loops, ifs, switches and selects that hold
// it: the same path, at a cost that grows neither with the number of
// declarations of the file nor with the number of statements of a
// function or of a loop's body (PathEnclosingInterval sorts the children
// of every node it passes).
func EnclosingPath(f *ast.File, start, end token.Pos) (path []ast.Node, exact bool) {
	decls := f.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > start })
	if i >= len(decls) || !(decls[i].Pos() < start && start <= end && end < decls[i].End()) {
		return astutil.PathEnclosingInterval(f, start, end)
	}
	decl := decls[i]
	fd, ok := decl.(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return pathIn(f, decl, start, end)
	}
	// Descend through the statement lists that hold the interval, to the
	// innermost statement stmt that holds it; above holds the nodes above
	// stmt, outermost first.
	above := []ast.Node{f, fd, fd.Body}
	list := fd.Body.List
	var stmt ast.Stmt
	var holder ast.Node
	for {
		k := sort.Search(len(list), func(k int) bool { return list[k].End() > start })
		if k >= len(list) || !(list[k].Pos() < start && end < list[k].End()) {
			break
		}
		if stmt != nil {
			above = append(above, stmt)
			if holder != nil {
				above = append(above, holder)
			}
		}
		stmt = list[k]
		if holder, list = innerList(stmt, start, end); list == nil {
			break
		}
	}
	if stmt == nil {
		return pathIn(f, decl, start, end)
	}
	// The path below the statement, found in a body of that statement
	// alone; then the nodes above it, as the whole file gives them.
	body := &ast.BlockStmt{Lbrace: fd.Body.Lbrace, List: []ast.Stmt{stmt}, Rbrace: fd.Body.Rbrace}
	one := &ast.FuncDecl{Name: fd.Name, Type: &ast.FuncType{Func: fd.Type.Func, Params: &ast.FieldList{}}, Body: body}
	lower, exact := pathIn(f, one, start, end)
	li := slices.Index(lower, ast.Node(stmt))
	if li < 0 {
		return pathIn(f, decl, start, end)
	}
	path = lower[: li+1 : li+1]
	for j := len(above) - 1; j >= 0; j-- {
		path = append(path, above[j])
	}
	return path, exact
}

// innerList returns the statement list directly below s that holds the
// interval [start, end), and the node between s and that list (a loop's
// or an if's body, a switch's block of clauses), nil when s holds the list
// itself (a block, a case clause); or nil, nil.
func innerList(s ast.Stmt, start, end token.Pos) (holder ast.Node, list []ast.Stmt) {
	in := func(n ast.Node) bool { return n != nil && n.Pos() < start && end < n.End() }
	switch s := s.(type) {
	case *ast.BlockStmt:
		return nil, s.List
	case *ast.CaseClause:
		return nil, s.Body
	case *ast.CommClause:
		return nil, s.Body
	case *ast.ForStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	case *ast.RangeStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	case *ast.IfStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	case *ast.SwitchStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	case *ast.TypeSwitchStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	case *ast.SelectStmt:
		if in(s.Body) {
			return s.Body, s.Body.List
		}
	}
	return nil, nil
}

// pathIn is PathEnclosingInterval over a file of the one declaration decl,
// with f as the path's last node.
func pathIn(f *ast.File, decl ast.Decl, start, end token.Pos) ([]ast.Node, bool) {
	one := &ast.File{Package: f.Package, Name: f.Name, Decls: []ast.Decl{decl}, FileStart: f.FileStart, FileEnd: f.FileEnd}
	path, exact := astutil.PathEnclosingInterval(one, start, end)
	if len(path) > 0 && path[len(path)-1] == one {
		path[len(path)-1] = f
	}
	return path, exact
}

// FreshName returns name, or name followed by the smallest number from 1
// that makes it so, such that it is neither declared anywhere in scope
// (a declaration later in the same block would collide), nor visible at
// pos from scope or a scope enclosing it (it would be shadowed, or
// capture a use), nor one of avoid.
func FreshName(scope *types.Scope, pos token.Pos, name string, avoid ...string) string {
	cand := name
	for n := 1; Taken(scope, pos, cand) || slices.Contains(avoid, cand); n++ {
		cand = name + strconv.Itoa(n)
	}
	return cand
}

// Taken reports whether name is declared anywhere in scope or visible at
// pos from it.
func Taken(scope *types.Scope, pos token.Pos, name string) bool {
	if scope == nil {
		return false
	}
	if scope.Lookup(name) != nil {
		return true
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil
}
