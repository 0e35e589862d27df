package tempname

import (
	"go/ast"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// fix returns the suggested fix for a finding, when there is a safe one:
//
//	os.Create(filepath.Join(os.TempDir(), "app.log")) → os.CreateTemp("", "app-*.log")
//	os.Create(fmt.Sprintf("/tmp/app-%d.log", os.Getpid())) → os.CreateTemp("/tmp", "app-*.log")
//
// os.CreateTemp returns what os.Create returns, so the call keeps its
// type. The fix is offered only when the file is directly in the shared
// directory, when the name is not used again in the function (nobody else
// could find the file under its new name) and when the argument mentions
// no local variable (which would be left unused).
func (st *state) fix(f finding, call *ast.CallExpr) *analysis.SuggestedFix {
	c := f.c
	if ssakit.QualifiedName(c.Callee) != "os.Create" || c.Role != effects.RolePath || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if id, ok := sel.X.(*ast.Ident); !ok {
		return nil
	} else if pn, ok := st.pass.TypesInfo.Uses[id].(*types.PkgName); !ok || pn.Imported().Path() != "os" {
		return nil
	}
	pattern, ok := tempPattern(f.sh.Name)
	if !ok {
		return nil
	}
	dir := `""` // os.CreateTemp's default is os.TempDir()
	if f.sh.Root == effects.RootLiteral {
		dir = strconv.Quote(f.sh.RootText)
	}
	arg := call.Args[0]
	if st.mentionsLocal(arg) || st.nameUsedAgain(c) {
		return nil
	}
	fix := &analysis.SuggestedFix{
		Message: "create the file with os.CreateTemp, under a name nobody can predict",
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("CreateTemp")},
			{Pos: arg.Pos(), End: arg.End(), NewText: []byte(dir + ", " + strconv.Quote(pattern))},
		},
	}
	if st.dropsImport(fix) {
		return nil
	}
	return fix
}

// tempPattern turns a predictable name into an os.CreateTemp pattern: its
// predictable parts become the random "*", or, for a fixed name, "-*"
// goes before the extension. ok is false when the name has a directory
// part, several predictable parts, or a "*" of its own.
func tempPattern(name []effects.Segment) (string, bool) {
	if !effects.IsSingleComponent(name) {
		return "", false
	}
	var b strings.Builder
	stars := 0
	lastStar := false
	for _, s := range name {
		switch s.Kind {
		case effects.SegLit:
			if strings.ContainsAny(s.Text, "*/") {
				return "", false
			}
			b.WriteString(s.Text)
			lastStar = false
		case effects.SegPred:
			if !lastStar {
				b.WriteString("*")
				stars++
			}
			lastStar = true
		default:
			return "", false
		}
	}
	p := b.String()
	switch stars {
	case 0:
		ext := path.Ext(p)
		base := strings.TrimSuffix(p, ext)
		if base == "" || strings.HasSuffix(base, ".") {
			return p + "-*", true
		}
		return base + "-*" + ext, true
	case 1:
		return p, true
	}
	return "", false
}

// mentionsLocal reports whether e uses a local variable: dropping e would
// leave it unused, or lose a value computed earlier.
func (st *state) mentionsLocal(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return !found
		}
		if v, ok := st.pass.TypesInfo.Uses[id].(*types.Var); ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
			found = true
		}
		return !found
	})
	return found
}

// nameUsedAgain reports whether the function that creates the file uses
// its name anywhere else: the same value, the same computation, or a
// computation of the same pieces (two calls of os.TempDir()).
func (st *state) nameUsedAgain(c *effects.CreateSite) bool {
	want := effects.Merge(c.Segs)
	fn := c.Instr.Parent()
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	var ops []*ssa.Value
	var search func(f *ssa.Function) bool
	search = func(f *ssa.Function) bool {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if instr == c.Instr {
					continue
				}
				if _, ok := instr.(*ssa.DebugRef); ok {
					continue
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if *op == nil || !ssakit.IsString((*op).Type()) {
						continue
					}
					if pathflow.SamePath(*op, c.Path) {
						return true
					}
					if segs, ok := st.cr.Segments(c.Instr.Parent(), *op); ok && effects.EqualSegments(effects.Merge(segs), want) {
						return true
					}
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			if search(anon) {
				return true
			}
		}
		return false
	}
	return search(fn)
}

// dropsImport reports whether applying fix would leave an import unused
// (the only use of filepath or fmt in the file was in the replaced
// argument), which would break the build.
func (st *state) dropsImport(fix *analysis.SuggestedFix) bool {
	f := st.syn.File(fix.TextEdits[0].Pos)
	if f == nil {
		return true
	}
	if st.fixIndex == nil {
		st.fixIndex = fixutil.NewIndex(st.pass.TypesInfo)
	}
	return st.fixIndex.DropsImport(f, fix, false)
}
