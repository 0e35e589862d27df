package pathrace

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// File-system abstractions (fsops.LookupCall): a check and a use race
// only when they go through the same file system, the os namespace or the
// same file-system value (the same SSA value, or the same pure
// computation: s.fs loaded twice), and name the same path in it.

// fsSites classifies a call that fsops.LookupCall knows.
func fsSites(ci ssa.CallInstruction, site fsops.Site) (*checkSite, []*useSite) {
	c, uses := tableSites(ci, site.Callee, site.Func)
	if site.FS == nil {
		return c, uses
	}
	if c != nil {
		c.fs = site.FS
	}
	for _, u := range uses {
		u.fs = site.FS
	}
	if c == nil && len(uses) == 1 && uses[0].op == fsops.OpRead {
		c = openStatCheck(ci, uses[0])
	}
	return c, uses
}

// openStatCheck returns the check that an open through a file system is
// when the code calls Stat on the handle it returns, as helpers do that
// ask an fs.FS whether a path exists or is a directory:
//
//	f, err := fsys.Open(p)
//	if err != nil {
//		return false
//	}
//	defer f.Close()
//	fi, err := f.Stat()
//	return err == nil && fi.IsDir()
//
// The open's error says whether the path exists; the handle's FileInfo
// says what it is.
func openStatCheck(ci ssa.CallInstruction, u *useSite) *checkSite {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return nil
	}
	res := ssakit.Results(call)
	if len(res) != 2 || res[0] == nil || res[1] == nil {
		return nil
	}
	var info ssa.Value
	for _, r := range *res[0].Referrers() {
		stat, ok := r.(*ssa.Call)
		if !ok || !isHandleStat(&stat.Call, res[0]) {
			continue
		}
		if sr := ssakit.Results(stat); len(sr) == 2 && sr[0] != nil {
			info = sr[0]
			break
		}
	}
	if info == nil {
		return nil
	}
	return &checkSite{call: call, callee: u.callee, kind: fsops.CheckStat, path: u.path,
		err: res[1], info: info, fs: u.fs}
}

// isHandleStat reports whether call is h.Stat() on the handle h.
func isHandleStat(call *ssa.CallCommon, h ssa.Value) bool {
	if call.IsInvoke() {
		return call.Value == h && call.Method.Name() == "Stat" && len(call.Args) == 0
	}
	fn := ssakit.Callee(call)
	return fn != nil && fn.Name() == "Stat" && len(call.Args) == 1 && call.Args[0] == h
}

// sameTarget reports whether check c and use u name the same file: the
// same path through the same file system, and not one call that is both.
func (st *state) sameTarget(c *checkSite, u *useSite) bool {
	return ssa.Instruction(c.call) != u.instr &&
		fsops.SameFS(c.fs, u.fs, pathflow.SamePath) && st.paths.SamePath(c.path, u.path)
}

// fsParamOf returns 1 + the index of the parameter of fn that is the file
// system fs (a check's or a use's), 0 for the os namespace (fs nil), and
// false when fs is no parameter (a field, a global): callers of such a
// helper or wrapper cannot name it.
func fsParamOf(fn *ssa.Function, fs ssa.Value) (int, bool) {
	if fs == nil {
		return 0, true
	}
	p, ok := ssakit.Unconvert(fs).(*ssa.Parameter)
	if !ok {
		return 0, false
	}
	i := ssakit.ParamIndex(fn, p)
	return i + 1, i >= 0
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
func rootFixOK(u *useSite) bool {
	if u.fs == nil {
		return true
	}
	sig, ok := u.callee.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "Root" &&
		(u.callee.Name() == "Create" || u.callee.Name() == "OpenFile")
}

// returned returns the value r returns at index i, looking through the
// local a function with defers returns through: the builder stores the
// result in it, runs the defers, and returns a load of it.
func returned(r *ssa.Return, i int) ssa.Value {
	v := r.Results[i]
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	if _, ok := load.X.(*ssa.Alloc); !ok {
		return v
	}
	var stored ssa.Value
	for _, instr := range r.Block().Instrs {
		if instr == load {
			break
		}
		if st, ok := instr.(*ssa.Store); ok && st.Addr == load.X {
			stored = st.Val
		}
	}
	if stored == nil {
		return v
	}
	return stored
}
