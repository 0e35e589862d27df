package effects

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// A CheckSite is a call that inspects a path: os.Stat and friends, or a
// helper of the analyzed code whose result reports on a path parameter
// (Fact.Exists). CheckSite, UseSite, FuncState and Decision are the one
// model of checks and uses that the summaries are computed from and that
// pathrace decides with.
type CheckSite struct {
	Call    *ssa.Call
	Callee  *types.Func
	Kind    fsops.Check
	Path    ssa.Value
	Err     ssa.Value // the error result, when the check reports through one
	Info    ssa.Value // the FileInfo (or Glob's matches) result
	OK      ssa.Value // a helper's boolean result
	OKMeans Polarity  // what OK == true says about the path
	FS      ssa.Value // the file system checked through (fsops.Site.FS); nil for the os namespace
	// Symlinks: a helper that refuses symbolic links in the path (in its
	// components, with Components); its nil error is a mode test.
	Symlinks, Components bool
}

// A UseSite is a call that acts on a path by name.
type UseSite struct {
	Instr  ssa.CallInstruction // *ssa.Call, *ssa.Defer or *ssa.Go
	Callee *types.Func
	Arg    int // index of the path among the call's arguments
	Path   ssa.Value
	Op     fsops.Op
	Direct bool      // a table operation, not a user wrapper
	Absent bool      // a wrapper that returns nothing when the operation fails (ParamUse.Absent)
	FS     ssa.Value // the file system acted through (fsops.Site.FS); nil for the os namespace
}

// Sites finds the checks and uses of one function, in block order: calls
// of the fsops table, and calls of the analyzed code's helpers and
// wrappers known through summaries and facts.
func (r *Result) Sites(fn *ssa.Function) (checks []*CheckSite, uses []*UseSite) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			var c *CheckSite
			var u []*UseSite
			if site, ok := fsops.LookupCall(ci.Common()); ok {
				c, u = fsSites(ci, site)
			} else if callee := ssakit.Callee(ci.Common()); callee != nil {
				if entry, ok := fsops.LookupLibrary(callee); ok {
					c, u = tableSites(ci, callee, entry)
				} else {
					c, u = r.helperSites(ci, callee)
				}
			} else {
				continue
			}
			if c != nil {
				checks = append(checks, c)
			}
			uses = append(uses, u...)
		}
	}
	return checks, uses
}

// tableSites classifies a call of a function of the fsops table.
func tableSites(ci ssa.CallInstruction, callee *types.Func, entry fsops.Func) (*CheckSite, []*UseSite) {
	common := ci.Common()
	if entry.Check != fsops.CheckNone {
		if call, ok := ci.(*ssa.Call); ok {
			return tableCheck(call, callee, entry), nil
		}
		return nil, nil // a deferred check decides nothing
	}
	var uses []*UseSite
	for _, pa := range entry.Paths {
		op := fsops.Classify(pa, common, callee)
		if op == fsops.OpNone {
			continue
		}
		for j, p := range fsops.PathArgs(common, pa) {
			uses = append(uses, &UseSite{Instr: ci, Callee: callee, Arg: pa.Index + j,
				Path: p, Op: op, Direct: true})
		}
	}
	return nil, uses
}

// helperSites classifies a call of a function of the analyzed code.
func (r *Result) helperSites(ci ssa.CallInstruction, callee *types.Func) (*CheckSite, []*UseSite) {
	common := ci.Common()
	var check *CheckSite
	if call, ok := ci.(*ssa.Call); ok {
		if check = r.symlinkCheck(call, callee); check != nil {
			// a symbolic-link check (symlinks.go)
		} else if f := r.existsFact(callee); f != nil && f.Param < len(common.Args) {
			check = helperCheck(call, callee, f)
		}
	}
	var uses []*UseSite
	{
		for _, u := range r.usesOf(callee) {
			if u.Param < len(common.Args) && u.FS <= len(common.Args) {
				us := &UseSite{Instr: ci, Callee: callee, Arg: u.Param,
					Path: common.Args[u.Param], Op: u.Op, Absent: u.Absent}
				if u.FS > 0 {
					us.FS = common.Args[u.FS-1]
				}
				uses = append(uses, us)
			}
		}
	}
	return check, uses
}

func tableCheck(call *ssa.Call, callee *types.Func, entry fsops.Func) *CheckSite {
	args := call.Call.Args
	pi := entry.Paths[0].Index
	if pi >= len(args) {
		return nil
	}
	c := &CheckSite{Call: call, Callee: callee, Kind: entry.Check, Path: args[pi]}
	res := ssakit.Results(call)
	switch entry.Check {
	case fsops.CheckStat, fsops.CheckLstat, fsops.CheckReadDir, fsops.CheckGlob:
		if len(res) == 2 { // (FileInfo, error), ([]DirEntry, error), ([]string, error)
			c.Info, c.Err = res[0], res[1]
		} else if len(res) == 1 { // syscall.Stat(path, &st) error
			c.Err = res[0]
		}
		if entry.Check == fsops.CheckReadDir {
			c.Info = nil // entries say nothing about the directory's own existence
		}
		if entry.Check == fsops.CheckGlob {
			c.Err = nil // Glob's error is only ErrBadPattern
		}
	case fsops.CheckAccess:
		if len(res) == 1 {
			c.Err = res[0]
		}
	case fsops.CheckExists: // afero.Exists(fsys, p) (bool, error)
		if len(res) == 2 && res[0] != nil {
			c.OK, c.OKMeans = res[0], Present
		}
	}
	if c.Err == nil && c.Info == nil && c.OK == nil {
		return nil
	}
	return c
}

func helperCheck(call *ssa.Call, callee *types.Func, f *Exists) *CheckSite {
	res := ssakit.Results(call)
	if f.Result >= len(res) || res[f.Result] == nil {
		return nil
	}
	c := &CheckSite{Call: call, Callee: callee, Kind: f.Kind, Path: call.Call.Args[f.Param]}
	if f.FS > 0 {
		if f.FS > len(call.Call.Args) {
			return nil
		}
		c.FS = call.Call.Args[f.FS-1]
	}
	if f.ErrResult {
		c.Err = res[f.Result]
	} else {
		c.OK, c.OKMeans = res[f.Result], f.TrueMeans
	}
	return c
}

// existsFact returns what the analyzed code knows of fn as an exists
// helper: from this package's summaries, or from a fact of its package.
// The standard library is known through fsops's table only, so results do
// not depend on whether a driver computes facts for it.
func (r *Result) existsFact(fn *types.Func) *Exists {
	if f := r.Of(fn); f != nil {
		return f.Exists
	}
	return nil
}

// usesOf returns what fn does by name to its parameters, as far as the
// analyzed code knows (existsFact).
func (r *Result) usesOf(fn *types.Func) []ParamUse {
	if f := r.Of(fn); f != nil {
		return f.Uses
	}
	return nil
}

// File-system abstractions (fsops.LookupCall): a check and a use race
// only when they go through the same file system, the os namespace or the
// same file-system value (the same SSA value, or the same pure
// computation: s.fs loaded twice), and name the same path in it.

// fsSites classifies a call that fsops.LookupCall knows.
func fsSites(ci ssa.CallInstruction, site fsops.Site) (*CheckSite, []*UseSite) {
	c, uses := tableSites(ci, site.Callee, site.Func)
	if site.FS == nil {
		return c, uses
	}
	if c != nil {
		c.FS = site.FS
	}
	for _, u := range uses {
		u.FS = site.FS
	}
	if c == nil && len(uses) == 1 && uses[0].Op == fsops.OpRead {
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
func openStatCheck(ci ssa.CallInstruction, u *UseSite) *CheckSite {
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
	return &CheckSite{Call: call, Callee: u.Callee, Kind: fsops.CheckStat, Path: u.Path,
		Err: res[1], Info: info, FS: u.FS}
}

// isHandleStat reports whether call is h.Stat() on the handle h.
func isHandleStat(call *ssa.CallCommon, h ssa.Value) bool {
	if call.IsInvoke() {
		return call.Value == h && call.Method.Name() == "Stat" && len(call.Args) == 0
	}
	fn := ssakit.Callee(call)
	return fn != nil && fn.Name() == "Stat" && len(call.Args) == 1 && call.Args[0] == h
}

// FSParamOf returns 1 + the index of the parameter of fn that is the file
// system fs (a check's or a use's), 0 for the os namespace (fs nil), and
// false when fs is no parameter (a field, a global): callers of such a
// helper or wrapper cannot name it.
func FSParamOf(fn *ssa.Function, fs ssa.Value) (int, bool) {
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

// Returned returns the value r returns at index i, looking through the
// local a function with defers returns through: the builder stores the
// result in it, runs the defers, and returns a load of it.
func Returned(r *ssa.Return, i int) ssa.Value {
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

// symlinkCheck returns the check a call of a function that refuses
// symbolic links in a path parameter makes (a SymlinkCheck of its
// summary: it Lstats the path or each of its elements and returns an
// error on a link), or nil: a nil error says no link was there, which a
// later open of the path by name cannot rely on.
func (r *Result) symlinkCheck(call *ssa.Call, callee *types.Func) *CheckSite {
	f := r.Of(callee)
	if f == nil || len(f.Symlinks) == 0 {
		return nil
	}
	res := ssakit.Results(call)
	if len(res) == 0 || res[len(res)-1] == nil {
		return nil
	}
	sc := f.Symlinks[0]
	if sc.Param >= len(call.Call.Args) {
		return nil
	}
	return &CheckSite{Call: call, Callee: callee, Kind: fsops.CheckLstat,
		Path: call.Call.Args[sc.Param], Err: res[len(res)-1], Symlinks: true, Components: sc.Components}
}
