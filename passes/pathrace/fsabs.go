package pathrace

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
)

// sameTarget reports whether check c and use u name the same file: the
// same path through the same file system, and not one call that is both.
func (st *state) sameTarget(c *effects.CheckSite, u *effects.UseSite) bool {
	return ssa.Instruction(c.Call) != u.Instr &&
		fsops.SameFS(c.FS, u.FS, pathflow.SamePath) && st.paths.SamePath(c.Path, u.Path)
}

// siteName names the function of a site in a message: a method called
// through a file-system value by the call as written (fsys.Create,
// root.Stat), since the interface's name says less than the value's.
func siteName(callee *types.Func, fs ssa.Value, call *ast.CallExpr) string {
	if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil && fs != nil && call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return types.ExprString(sel)
		}
	}
	return analysisutil.FuncName(callee)
}

// synArg maps an index of a call's SSA arguments to the one
// analysisutil.Syntax.ArgOf takes, which counts a method's receiver:
// an interface method call's SSA arguments do not.
func synArg(call *ssa.CallCommon, i int) int {
	if call.IsInvoke() {
		return i + 1
	}
	return i
}

// removeOf returns the path and file system of a remove (os.Remove,
// os.RemoveAll, root.Remove, fsys.RemoveAll...), the removes that make an
// exclusive create's fix wrong (see removedAfter).
func removeOf(ci ssa.CallInstruction) (path, fs ssa.Value, ok bool) {
	site, ok := fsops.LookupCall(ci.Common())
	if !ok || len(site.Paths) != 1 {
		return nil, nil, false
	}
	pa := site.Paths[0]
	if pa.Op != fsops.OpRemove && pa.Op != fsops.OpRemoveAll || pa.Index >= len(ci.Common().Args) {
		return nil, nil, false
	}
	return ci.Common().Args[pa.Index], site.FS, true
}

// rootFixOK reports whether a fix of the exclusive-create family is right
// for a use through a file system: only os.Root's Create and OpenFile,
// whose O_EXCL is open(2)'s. Other abstractions take os.O_EXCL in their
// OpenFile, but whether a backend honours it atomically (afero's
// MemMapFs, an sftp or cloud backend, a project's own) is not in the
// interface: the race is reported, the rewrite is not offered.
func rootFixOK(u *effects.UseSite) bool {
	if u.FS == nil {
		return true
	}
	sig, ok := u.Callee.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "Root" &&
		(u.Callee.Name() == "Create" || u.Callee.Name() == "OpenFile")
}
