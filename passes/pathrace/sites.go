package pathrace

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A checkSite is a call that inspects a path: os.Stat and friends, or a
// helper of the analyzed code whose result reports on a path parameter.
type checkSite struct {
	call    *ssa.Call
	callee  *types.Func
	kind    fsops.Check
	path    ssa.Value
	err     ssa.Value // the error result, when the check reports through one
	info    ssa.Value // the FileInfo (or Glob's matches) result
	ok      ssa.Value // a helper's boolean result
	okMeans polarity  // what ok == true says about the path
	fs      ssa.Value // the file system checked through (fsops.Site.FS); nil for the os namespace
	// symlinks: a helper that refuses symbolic links in the path (in its
	// components, with components); its nil error is a mode test.
	symlinks, components bool
}

// A useSite is a call that acts on a path by name.
type useSite struct {
	instr  ssa.CallInstruction // *ssa.Call, *ssa.Defer or *ssa.Go
	callee *types.Func
	arg    int // index of the path among the call's arguments
	path   ssa.Value
	op     fsops.Op
	direct bool      // a table operation, not a user wrapper
	absent bool      // a wrapper that returns nothing when the operation fails (ParamUse.Absent)
	fs     ssa.Value // the file system acted through (fsops.Site.FS); nil for the os namespace
}

// sites finds the checks and uses of one function, in block order: calls
// of the fsops table, and calls of the analyzed code's helpers and
// wrappers known through summaries and facts.
func (st *state) sites(fn *ssa.Function) (checks []*checkSite, uses []*useSite) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			var c *checkSite
			var u []*useSite
			if site, ok := fsops.LookupCall(ci.Common()); ok {
				c, u = fsSites(ci, site)
			} else if callee := ssakit.Callee(ci.Common()); callee != nil {
				if entry, ok := fsops.LookupLibrary(callee); ok {
					c, u = tableSites(ci, callee, entry)
				} else {
					c, u = st.helperSites(ci, callee)
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
func tableSites(ci ssa.CallInstruction, callee *types.Func, entry fsops.Func) (*checkSite, []*useSite) {
	common := ci.Common()
	if entry.Check != fsops.CheckNone {
		if call, ok := ci.(*ssa.Call); ok {
			return tableCheck(call, callee, entry), nil
		}
		return nil, nil // a deferred check decides nothing
	}
	var uses []*useSite
	for _, pa := range entry.Paths {
		op := fsops.Classify(pa, common, callee)
		if op == fsops.OpNone {
			continue
		}
		for j, p := range fsops.PathArgs(common, pa) {
			uses = append(uses, &useSite{instr: ci, callee: callee, arg: pa.Index + j,
				path: p, op: op, direct: true})
		}
	}
	return nil, uses
}

// helperSites classifies a call of a function of the analyzed code.
func (st *state) helperSites(ci ssa.CallInstruction, callee *types.Func) (*checkSite, []*useSite) {
	common := ci.Common()
	var check *checkSite
	if call, ok := ci.(*ssa.Call); ok {
		if check = st.symlinkCheck(call, callee); check != nil {
			// a symbolic-link check (symlinks.go)
		} else if f := st.existsFact(callee); f != nil && f.Param < len(common.Args) {
			check = helperCheck(call, callee, f)
		}
	}
	var uses []*useSite
	if f := st.usesFact(callee); f != nil {
		for _, u := range f.Uses {
			if u.Param < len(common.Args) && u.FS <= len(common.Args) {
				us := &useSite{instr: ci, callee: callee, arg: u.Param,
					path: common.Args[u.Param], op: u.Op, absent: u.Absent}
				if u.FS > 0 {
					us.fs = common.Args[u.FS-1]
				}
				uses = append(uses, us)
			}
		}
	}
	return check, uses
}

func tableCheck(call *ssa.Call, callee *types.Func, entry fsops.Func) *checkSite {
	args := call.Call.Args
	pi := entry.Paths[0].Index
	if pi >= len(args) {
		return nil
	}
	c := &checkSite{call: call, callee: callee, kind: entry.Check, path: args[pi]}
	res := ssakit.Results(call)
	switch entry.Check {
	case fsops.CheckStat, fsops.CheckLstat, fsops.CheckReadDir, fsops.CheckGlob:
		if len(res) == 2 { // (FileInfo, error), ([]DirEntry, error), ([]string, error)
			c.info, c.err = res[0], res[1]
		} else if len(res) == 1 { // syscall.Stat(path, &st) error
			c.err = res[0]
		}
		if entry.Check == fsops.CheckReadDir {
			c.info = nil // entries say nothing about the directory's own existence
		}
		if entry.Check == fsops.CheckGlob {
			c.err = nil // Glob's error is only ErrBadPattern
		}
	case fsops.CheckAccess:
		if len(res) == 1 {
			c.err = res[0]
		}
	case fsops.CheckExists: // afero.Exists(fsys, p) (bool, error)
		if len(res) == 2 && res[0] != nil {
			c.ok, c.okMeans = res[0], present
		}
	}
	if c.err == nil && c.info == nil && c.ok == nil {
		return nil
	}
	return c
}

func helperCheck(call *ssa.Call, callee *types.Func, f *ExistsFact) *checkSite {
	res := ssakit.Results(call)
	if f.Result >= len(res) || res[f.Result] == nil {
		return nil
	}
	c := &checkSite{call: call, callee: callee, kind: f.Kind, path: call.Call.Args[f.Param]}
	if f.FS > 0 {
		if f.FS > len(call.Call.Args) {
			return nil
		}
		c.fs = call.Call.Args[f.FS-1]
	}
	if f.ErrResult {
		c.err = res[f.Result]
	} else {
		c.ok, c.okMeans = res[f.Result], f.TrueMeans
	}
	return c
}

// existsFact returns what the analyzed code knows of fn as an exists
// helper: from this package's summaries, or from a fact of its package.
// The standard library is known through fsops's table only, so results do
// not depend on whether a driver computes facts for it.
func (st *state) existsFact(fn *types.Func) *ExistsFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.exists[fn]
	}
	var f ExistsFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

func (st *state) usesFact(fn *types.Func) *UsesFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.uses[fn]
	}
	var f UsesFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// state is the state of one run of the pass over one package.
type state struct {
	pass   *analysis.Pass
	exists map[*types.Func]*ExistsFact
	uses   map[*types.Func]*UsesFact
	syn    *analysisutil.Syntax // calls, files and source text, indexed on the first report
	paths  *pathflow.Model      // same path and parameters, through the package's cleaners (internal/effects)
	eff    *effects.Result      // the effects summaries: cleaners, symbolic-link checks

	fixIndex *fixutil.Index // uses of imports, indexed per file on the first fix
	fs       *funcState     // the function being reported on, during its reports
}
