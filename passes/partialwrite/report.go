package partialwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
)

// reportReadModifyWrite reports the write w of content the read r returned.
func (st *state) reportReadModifyWrite(r *readSite, w *writeSite) {
	writeCall, readCall := st.callExpr(w.call.Call.Pos()), st.callExpr(r.call.Call.Pos())
	pathArg, readArg := st.astArg(writeCall, w.arg), st.astArg(readCall, r.arg)
	if pathArg == nil || readArg == nil || !st.reportable(writeCall.Pos()) {
		return
	}
	path := types.ExprString(pathArg)
	writeName, readName := funcName(w.callee), funcName(r.callee)
	st.pass.Report(analysis.Diagnostic{
		Pos:      writeCall.Pos(),
		End:      writeCall.End(),
		Category: ReadModifyWrite,
		Message: fmt.Sprintf("%s rewrites %s in place after %s read it; a crash mid-write leaves it truncated "+
			"and an update another process makes in between is lost (write a temporary file in the same "+
			"directory, Sync and Close it, then os.Rename it over %s)", writeName, path, readName, path),
		Related: []analysis.RelatedInformation{{
			Pos:     readCall.Pos(),
			End:     readCall.End(),
			Message: fmt.Sprintf("%s read %s here", readName, types.ExprString(readArg)),
		}},
	})
}

// reportCrossDir reports a rename of a file made in the shared temporary
// directory onto a destination elsewhere.
func (st *state) reportCrossDir(t *tempSite, rn *renameSite) {
	renameCall, tempCall := st.callExpr(rn.call.Call.Pos()), st.callExpr(t.call.Call.Pos())
	src, dst := st.astArg(renameCall, rn.srcArg), st.astArg(renameCall, rn.dstArg)
	if src == nil || dst == nil || tempCall == nil || !st.reportable(renameCall.Pos()) {
		return
	}
	dstText := types.ExprString(dst)
	st.pass.Report(analysis.Diagnostic{
		Pos:      renameCall.Pos(),
		End:      renameCall.End(),
		Category: RenameCrossDir,
		Message: fmt.Sprintf("%s moves %s onto %s after %s made it in the shared temporary directory; "+
			"the rename fails with EXDEV when that directory is on another file system (create the "+
			"temporary file in filepath.Dir(%s) with os.CreateTemp, Sync and Close it, then rename it)",
			funcName(rn.callee), types.ExprString(src), dstText, funcName(t.callee), dstText),
		Related: []analysis.RelatedInformation{{
			Pos:     tempCall.Pos(),
			End:     tempCall.End(),
			Message: fmt.Sprintf("%s made the file here", funcName(t.callee)),
		}},
	})
}

// reportNoSync reports a rename of a file not synced on every path from
// its create; syncsSomewhere says that it is synced on others, a choice
// the fix must not override.
func (st *state) reportNoSync(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues, syncsSomewhere bool) {
	renameCall, tempCall := st.callExpr(rn.call.Call.Pos()), st.callExpr(t.call.Call.Pos())
	src, dst := st.astArg(renameCall, rn.srcArg), st.astArg(renameCall, rn.dstArg)
	if src == nil || dst == nil || tempCall == nil || !st.reportable(renameCall.Pos()) {
		return
	}
	made, remedy := "made", "call Sync on the file before Close and Rename"
	if t.handle == nil {
		made, remedy = "wrote", "write it through os.OpenFile and call Sync before Close and Rename"
	}
	diag := analysis.Diagnostic{
		Pos:      renameCall.Pos(),
		End:      renameCall.End(),
		Category: RenameNoSync,
		Message: fmt.Sprintf("%s moves %s onto %s with no Sync since %s %s it; after a crash %s can "+
			"be empty or hold part of the data (%s)",
			funcName(rn.callee), types.ExprString(src), types.ExprString(dst), funcName(t.callee), made,
			types.ExprString(dst), remedy),
		Related: []analysis.RelatedInformation{{
			Pos:     tempCall.Pos(),
			End:     tempCall.End(),
			Message: fmt.Sprintf("%s made the file here", funcName(t.callee)),
		}},
	}
	if file != nil && !syncsSomewhere {
		if fix := st.syncFix(fn, t, rn, file, renameCall); fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	st.pass.Report(diag)
}

// astArg returns the syntax of the SSA argument i of call: SSA counts the
// receiver of a static method call (x.M(a)) as argument 0, syntax does not.
func (st *state) astArg(call *ast.CallExpr, i int) ast.Expr {
	if call == nil {
		return nil
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if s := st.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if i == 0 {
				return sel.X
			}
			i--
		}
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// funcName is how messages name a function: os.WriteFile, store.Save,
// (*Store).Save.
func funcName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n, ok := t.(*types.Named); ok {
			return fmt.Sprintf("(%s%s).%s", ptr, n.Obj().Name(), fn.Name())
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// callExpr finds the call expression whose opening parenthesis is at lparen.
func (st *state) callExpr(lparen token.Pos) *ast.CallExpr {
	if st.calls == nil {
		st.calls = make(map[token.Pos]*ast.CallExpr)
		for _, f := range st.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					st.calls[call.Lparen] = call
				}
				return true
			})
		}
	}
	return st.calls[lparen]
}

// reportable reports whether a finding at pos is worth showing: not in a
// generated file (nobody edits it by hand), and not in a test file unless
// -partialwrite.tests asks for it.
func (st *state) reportable(pos token.Pos) bool {
	f := st.file(pos)
	if f == nil || ast.IsGenerated(f) && !analysisutil.CgoRewritten(f) {
		return false
	}
	return includeTests || !strings.HasSuffix(st.pass.Fset.File(pos).Name(), "_test.go")
}

// file returns the syntax of the file that holds pos.
func (st *state) file(pos token.Pos) *ast.File {
	for _, f := range st.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
