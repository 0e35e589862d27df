package pathrace

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
)

// checkFunc reports the uses in fn that a check of the same path decides.
func (st *state) checkFunc(fn *ssa.Function) {
	checks, uses := st.sites(fn)
	if len(checks) == 0 || len(uses) == 0 {
		return
	}
	fs := newFuncState(fn)
	for _, u := range uses {
		if !racy(u.op) {
			continue
		}
		// The nearest preceding check is the one to name: walk backwards.
		for i := len(checks) - 1; i >= 0; i-- {
			c := checks[i]
			if !pathflow.SamePath(c.path, u.path) || sameFileIdiom(c) {
				continue
			}
			d, ok := fs.decided(c, u.instr.Block())
			if !ok {
				continue
			}
			if cat := category(c, d, u); cat != "" && !fs.tolerates(u, cat, checks) {
				st.report(c, u, cat)
				break
			}
		}
	}
}

// category names the shape of a decided check and use, or returns "" when
// the pair is not a race worth reporting.
func category(c *checkSite, d decision, u *useSite) string {
	if c.kind == fsops.CheckAccess {
		if d.pol == present {
			return AccessThenOpen
		}
		return ""
	}
	if c.kind == fsops.CheckLstat && d.modeTest && d.pol == present {
		switch u.op {
		case fsops.OpRead, fsops.OpWrite, fsops.OpCreate, fsops.OpModify:
			if u.direct && fsops.HasFlag(u.instr.Common(), u.callee, "O_NOFOLLOW") {
				return "" // the open refuses symbolic links itself
			}
			return SymlinkCheckThenOpen
		}
	}
	switch d.pol {
	case absent:
		switch u.op {
		case fsops.OpCreate:
			return CreateIfAbsent
		case fsops.OpMkdir:
			return MkdirIfAbsent
		case fsops.OpLinkNew:
			return LinkIfAbsent
		case fsops.OpRenameDst:
			return RenameOverChecked
		}
	case present:
		switch u.op {
		case fsops.OpRead, fsops.OpWrite, fsops.OpLinkOld:
			return ReadIfPresent
		case fsops.OpRemove:
			return RemoveIfPresent
		case fsops.OpRenameSrc:
			return RenameIfPresent
		case fsops.OpModify:
			return ModifyIfPresent
		}
	}
	return ""
}

// sameFileIdiom reports whether c's FileInfo is compared with os.SameFile:
// the Lstat, open, f.Stat, SameFile idiom verifies the opened file itself.
func sameFileIdiom(c *checkSite) bool {
	if c.info == nil {
		return false
	}
	for _, r := range *c.info.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if fn := calleeOf(&call.Call); fn != nil && fn.Pkg() != nil &&
			fn.Pkg().Path() == "os" && fn.Name() == "SameFile" {
			return true
		}
	}
	return false
}

var messages = map[string]string{
	CreateIfAbsent:       "%s %s after %s found it absent; another process can create it, or plant a symlink there, in between (create it with O_CREATE|O_EXCL and handle fs.ErrExist)",
	ReadIfPresent:        "%s %s after %s found it present; it can be removed or replaced in between (open it directly and handle fs.ErrNotExist)",
	RemoveIfPresent:      "%s %s after %s found it present; another process can remove or replace it in between, and the remove then fails or deletes the replacement (remove it directly and ignore fs.ErrNotExist)",
	MkdirIfAbsent:        "%s %s after %s found it absent; if another process makes it in between, this fails (use os.MkdirAll, or handle fs.ErrExist)",
	LinkIfAbsent:         "%s %s after %s found it absent; if another process creates it in between, this fails (make the link and handle fs.ErrExist)",
	RenameOverChecked:    "%s %s after %s found it absent; a file created there in between is silently replaced (os.Link the file into place and handle fs.ErrExist, then remove the old name)",
	RenameIfPresent:      "%s %s after %s found it present; it can be removed or replaced in between (rename it directly and handle fs.ErrNotExist)",
	ModifyIfPresent:      "%s %s by name after %s found it present; it can be replaced in between and the change lands on the replacement (open it once and use the *os.File method)",
	SymlinkCheckThenOpen: "%s %s by name after %s examined what kind of file it is; it can be replaced by a symbolic link in between (open it with O_NOFOLLOW and check f.Stat(), or use os.Root)",
	AccessThenOpen:       "%s %s after %s approved it; it can be replaced in between (drop the access check, open it directly and handle the error)",
}

func (st *state) report(c *checkSite, u *useSite, cat string) {
	useCall := st.callExpr(u.instr.Common().Pos())
	checkCall := st.callExpr(c.call.Call.Pos())
	useArg, checkArg := st.astArg(useCall, u.arg), st.astArg(checkCall, c.argIndex())
	if useArg == nil || checkArg == nil || !st.reportable(useCall.Pos()) {
		return
	}
	pathText := types.ExprString(useArg)
	useName, checkName := funcName(u.callee), funcName(c.callee)
	diag := analysis.Diagnostic{
		Pos:      useCall.Pos(),
		End:      useCall.End(),
		Category: cat,
		Message:  fmt.Sprintf(messages[cat], useName+" "+opVerb(u.op), pathText, checkName),
		Related: []analysis.RelatedInformation{{
			Pos:     checkCall.Pos(),
			End:     checkCall.End(),
			Message: fmt.Sprintf("%s checked %s here", checkName, types.ExprString(checkArg)),
		}},
	}
	if u.direct && !analysisutil.CgoRewritten(st.file(useCall.Pos())) {
		// (a fix's positions in a file cgo rewrote are not the user's file)
		diag.SuggestedFixes = st.fixes(cat, u, checkCall, useCall)
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
			i--
		}
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

func (c *checkSite) argIndex() int {
	for i, a := range c.call.Call.Args {
		if a == c.path {
			return i
		}
	}
	return 0
}

// funcName is how messages name a function: os.WriteFile, fsutil.Exists,
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
// -pathrace.tests asks for it.
func (st *state) reportable(pos token.Pos) bool {
	f := st.file(pos)
	if f == nil || ast.IsGenerated(f) && !analysisutil.CgoRewritten(f) {
		return false
	}
	return includeTests || !strings.HasSuffix(st.pass.Fset.File(pos).Name(), "_test.go")
}

func (st *state) file(pos token.Pos) *ast.File {
	for _, f := range st.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
