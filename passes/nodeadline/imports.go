package nodeadline

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// imports collects the packages a fix refers to, with the names under
// which the fix must write them and the edits that add missing imports.
type imports struct {
	st    *state
	file  *ast.File
	at    token.Pos // where the fix's text goes
	names map[string]string
	add   []string // paths to add, in the order first needed
	ok    bool
}

func (st *state) newImports(file *ast.File, at token.Pos) *imports {
	return &imports{st: st, file: file, at: at, names: make(map[string]string), ok: true}
}

// name returns the name under which package path can be written at the
// fix's position, adding an import if the file has none. When that is
// impossible (the name is taken, or the package is imported under "_" or
// "."), the fix is given up: ok becomes false.
func (im *imports) name(path string) string {
	if n, ok := im.names[path]; ok {
		return n
	}
	st, file := im.st, im.file
	for _, spec := range file.Imports {
		if importPath(spec) != path {
			continue
		}
		name := defaultName(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" || name == "." {
			continue
		}
		if pn, ok := st.lookup(file, name, im.at).(*types.PkgName); ok && pn.Imported().Path() == path {
			im.names[path] = name
			return name
		}
		im.ok = false // shadowed where the fix writes it
		return name
	}
	name := defaultName(path)
	if st.lookup(file, name, im.at) != nil || st.pass.Pkg.Scope().Lookup(name) != nil {
		im.ok = false // the name means something else here
	}
	im.names[path] = name
	im.add = append(im.add, path)
	return name
}

// edits returns the edits that add the missing imports to the file's
// import declaration: inside the group of standard-library imports, in
// sorted order, as goimports would place them.
func (im *imports) edits() []analysis.TextEdit {
	if len(im.add) == 0 {
		return nil
	}
	st, file := im.st, im.file
	paths := slices.Clone(im.add)
	slices.Sort(paths)
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break
		}
		if len(gd.Specs) == 1 && importPath(gd.Specs[0].(*ast.ImportSpec)) == "C" {
			continue // cgo's preamble import stays on its own
		}
		decl = gd
		break
	}
	if decl == nil {
		var b strings.Builder
		if len(paths) == 1 {
			b.WriteString("\n\nimport " + strconv.Quote(paths[0]))
		} else {
			b.WriteString("\n\nimport (")
			for _, p := range paths {
				b.WriteString("\n\t" + strconv.Quote(p))
			}
			b.WriteString("\n)")
		}
		// After the package clause, or after a cgo import "C" that
		// must stay right under its preamble.
		at := file.Name.End()
		for _, d := range file.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				at = gd.End()
			}
		}
		return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(b.String())}}
	}
	if !decl.Lparen.IsValid() {
		spec := decl.Specs[0].(*ast.ImportSpec)
		lines := []string{st.syn.Src(spec.Pos(), spec.End())}
		keys := []string{importPath(spec)}
		for _, p := range paths {
			i, _ := slices.BinarySearch(keys, p)
			keys = slices.Insert(keys, i, p)
			lines = slices.Insert(lines, i, strconv.Quote(p))
		}
		text := "import (\n\t" + strings.Join(lines, "\n\t") + "\n)"
		return []analysis.TextEdit{{Pos: decl.Pos(), End: decl.End(), NewText: []byte(text)}}
	}
	// A parenthesized block: find the first group of standard imports.
	specs := decl.Specs
	line := func(p token.Pos) int { return st.pass.Fset.Position(p).Line }
	start, end := -1, -1
	for i, s := range specs {
		if isStdPath(importPath(s.(*ast.ImportSpec))) {
			start = i
			break
		}
	}
	if start < 0 {
		var b strings.Builder
		for _, p := range paths {
			b.WriteString("\n\t" + strconv.Quote(p))
		}
		b.WriteString("\n")
		at := decl.Lparen + 1
		return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(b.String())}}
	}
	for start > 0 && line(specs[start].Pos())-line(specs[start-1].End()) <= 1 {
		start--
	}
	end = start
	for end+1 < len(specs) && line(specs[end+1].Pos())-line(specs[end].End()) <= 1 {
		end++
	}
	inserts := make(map[token.Pos][]string)
	var order []token.Pos
	for _, p := range paths {
		at := token.NoPos
		text := ""
		for _, s := range specs[start : end+1] {
			if importPath(s.(*ast.ImportSpec)) > p {
				at, text = st.syn.LineStart(s.Pos()), "\t"+strconv.Quote(p)+"\n"
				break
			}
		}
		if !at.IsValid() {
			last := specs[end]
			at = last.End() + token.Pos(st.syn.LineLen(last.End()))
			text = "\n\t" + strconv.Quote(p)
		}
		if _, ok := inserts[at]; !ok {
			order = append(order, at)
		}
		inserts[at] = append(inserts[at], text)
	}
	var edits []analysis.TextEdit
	for _, at := range order {
		edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(strings.Join(inserts[at], ""))})
	}
	return edits
}

func importPath(spec *ast.ImportSpec) string {
	p, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return ""
	}
	return p
}

// defaultName is the name a package is imported under without a rename:
// the last element of its path (true of every package a fix adds).
func defaultName(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}

// isStdPath reports whether an import path is the standard library's: its
// first element has no dot.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
