package effects

import (
	"fmt"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssabuild"
	"github.com/toctou/toctou/internal/ssakit"
)

// ResultDir says that a function's result at index Result names a path
// under a directory of Root on every return that succeeds
// (pathflow.DirFacts.ResultDir): the helper that returns the program's
// state directory, or a file under the user's configuration directory.
type ResultDir struct {
	Result   int
	Root     pathflow.Root
	Volatile bool // a tmpfs on Linux (pathflow.Dir.Volatile)
	Entry    bool // under BinaryRoot, an entry of the program's directory
}

func (d ResultDir) String() string {
	s := fmt.Sprintf("result %d is under root %s", d.Result, d.Root)
	if d.Volatile {
		s += " (tmpfs)"
	}
	return s
}

// MakesDir reports whether every return of fn comes after an os.MkdirAll
// of the directory its parameter i names with a private mode, directly
// or through such helpers (Fact.MakesDirs); pathflow.DirFacts.
func (r *Result) MakesDir(fn *types.Func, i int) bool {
	f := r.Of(fn)
	return f != nil && slices.Contains(f.MakesDirs, i)
}

// ResultDir returns the directory fn's result i lies under on every
// return that succeeds (Fact.ResultDir); pathflow.DirFacts.
func (r *Result) ResultDir(fn *types.Func, i int) (pathflow.Dir, bool) {
	f := r.Of(fn)
	if f == nil || f.ResultDir == nil || f.ResultDir.Result != i {
		return pathflow.Dir{}, false
	}
	d := f.ResultDir
	return pathflow.EntryDir(d.Root, d.Volatile, d.Entry), true
}

// Roots returns the roots of a package's paths that see through the
// summarized helpers: pathflow.NewRoots with this Result's DirFacts.
func (r *Result) Roots(prog *ssabuild.SSA) *pathflow.Roots {
	return pathflow.NewRoots(prog.Callers).WithFacts(r)
}

// importsDirFacts reports whether a function of another package is known
// to make or return a directory (Fact.MakesDirs, Fact.ResultDir).
func (r *Result) importsDirFacts() bool {
	for _, f := range r.imported {
		if len(f.MakesDirs) > 0 || f.ResultDir != nil {
			return true
		}
	}
	return false
}

// summarizeDirs adds to fn's summary the parameters it makes its own
// directories of and the directory its result lies under, given its
// callees' summaries, and reports whether the summary grew. A summary,
// once made, does not change.
func (r *Result) summarizeDirs(prog *ssabuild.SSA, fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || len(fn.Blocks) == 0 {
		return false
	}
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if ret, ok := b.Instrs[n-1].(*ssa.Return); ok {
				rets = append(rets, ret)
			}
		}
	}
	if len(rets) == 0 {
		return false
	}
	changed := false
	if f := r.Of(obj); f == nil || len(f.MakesDirs) == 0 {
		if made := madeParams(r, fn, rets); len(made) > 0 {
			r.fact(obj).MakesDirs = made
			changed = true
		}
	}
	if f := r.Of(obj); (f == nil || f.ResultDir == nil) && dirResultCandidate(fn.Signature) {
		if d, ok := resultDir(r.Roots(prog), fn, rets); ok {
			r.fact(obj).ResultDir = d
			changed = true
		}
	}
	return changed
}

// madeParams returns the string parameters of fn that a private
// os.MkdirAll, or a helper that makes its argument so, makes before
// every return.
func madeParams(r *Result, fn *ssa.Function, rets []*ssa.Return) []int {
	var made []int
	for i, p := range fn.Params {
		if !ssakit.IsString(p.Type()) || p.Referrers() == nil {
			continue
		}
		for _, ref := range *p.Referrers() {
			call, ok := ref.(*ssa.Call)
			if !ok || !makesDirOf(r, &call.Call, p) {
				continue
			}
			if !slices.ContainsFunc(rets, func(ret *ssa.Return) bool { return !ssakit.Dominates(call, ret) }) {
				made = append(made, i)
				break
			}
		}
	}
	return made
}

// makesDirOf reports whether call makes the directory v names, with a
// private mode: os.MkdirAll(v, 0o700), or a helper summarized so.
func makesDirOf(r *Result, call *ssa.CallCommon, v ssa.Value) bool {
	if pathflow.PrivateMkdirAll(call) {
		return call.Args[0] == v
	}
	fn := ssakit.Callee(call)
	if fn == nil {
		return false
	}
	for i, a := range call.Args {
		if a == v && r.MakesDir(fn, i) {
			return true
		}
	}
	return false
}

// dirResultCandidate reports whether a signature can return a path: a
// string result, alone or followed by an error.
func dirResultCandidate(sig *types.Signature) bool {
	res := sig.Results()
	switch {
	case res.Len() == 1:
	case res.Len() == 2 && ssakit.IsError(res.At(1).Type()):
	default:
		return false
	}
	return ssakit.IsString(res.At(0).Type())
}

// resultDir returns the directory fn's first result lies under, when
// every return that succeeds (one whose error result is not a non-nil
// value, and whose path is not the constant "") agrees on a known root.
func resultDir(roots *pathflow.Roots, fn *ssa.Function, rets []*ssa.Return) (*ResultDir, bool) {
	var d *ResultDir
	for _, ret := range rets {
		if len(ret.Results) == 0 {
			return nil, false
		}
		if len(ret.Results) == 2 && !ssakit.IsNil(ret.Results[1]) {
			continue // the error return
		}
		if k, ok := ret.Results[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "" {
			continue
		}
		dir := roots.DirOf(ret.Results[0], ret)
		if dir.Root == pathflow.UnknownRoot {
			return nil, false
		}
		rd := &ResultDir{Result: 0, Root: dir.Root, Volatile: dir.Volatile, Entry: dir.Entry()}
		switch {
		case d == nil:
			d = rd
		case d.Root != rd.Root:
			return nil, false
		default:
			d.Volatile = d.Volatile && rd.Volatile
			d.Entry = d.Entry && rd.Entry
		}
	}
	return d, d != nil
}
