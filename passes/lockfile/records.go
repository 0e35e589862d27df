package lockfile

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// keptRecord reports whether the file that fn creates exclusively at s,
// removing it only on error paths and handing the caller neither its
// handle, its path nor a release, is a record kept on success rather than
// a lock acquired for the caller. It asks for a sign of records and for
// the absence of a release:
//   - another function of the package removes files it finds by listing
//     a directory (pathflow.Listed: a filepath.Walk callback's path, a
//     name joined from os.ReadDir's entries, an element of what
//     filepath.Glob or Readdirnames returns), as a reservation store (one
//     file per reserved address, the CNI host-local IPAM store) sweeps its
//     records by owner; and
//   - no function of the package removes, other than by listing, a name
//     that may be this one (pathflow.MayNameSame, which leans towards
//     yes: only two different constant endings tell two names apart), or
//     a directory the name is joined under. A lock acquired for a caller
//     is released by recomputing its name (Unlock(key) removes
//     lockPath(key)).
//
// The package's test files take part only for a create in one (see
// ssabuild.TestCode). A name the caller gave (a parameter, or a field of one other than the
// receiver) is the caller's, which removes it itself: that stays a lock.
// The failure of a later step that leaves a record behind is no held
// lock; a lock whose release lives in another package, beside a sweep in
// this one, is the rule's known miss.
func (st *state) keptRecord(fn *ssa.Function, sa *siteAnalysis) bool {
	s := sa.s
	if !s.direct || sa.holder || sa.handedOff || s.path.field != nil {
		return false
	}
	name := st.paths.Uncleaned(s.path.base)
	if callerGiven(fn, name) {
		return false
	}
	swept, inTest := false, st.prog.TestFunc(fn)
	for _, g := range st.prog.Funcs() {
		if g == fn || ssakit.Encloses(fn, g) && calledInPlace(g) {
			continue // fn's own cleanups, on its error paths
		}
		if exportsName(g, name) {
			return false // callers can recompute the name: pidfile.Path(dir, name)
		}
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if !inTest && st.prog.TestCode(instr) {
					continue // a test's cleanup is no release, nor a sweep
				}
				if removalValue(instr) {
					return false // var removeFile = os.Remove; retry(os.Remove, p)
				}
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if mayRelease(ci.Common(), name) {
					return false
				}
				for _, r := range st.removedNames(ci.Common()) {
					switch {
					case r.name == nil:
						return false
					case !r.whole && pathflow.Listed(r.name):
						swept = true
					case pathflow.MayNameSame(r.name, name), r.whole && removesDirOf(r.name, name):
						return false
					}
				}
			}
		}
	}
	return swept
}

// calledInPlace reports whether g, a function literal, is only called
// where it is made (func() { ... }(), defer func() { ... }(), go): a
// cleanup of its enclosing function's own paths. A literal stored (a
// release kept in a field: l.unlock = func() error { return
// os.Remove(p) }), returned or handed to a call may run later, as a
// release.
func calledInPlace(g *ssa.Function) bool {
	parent := g.Parent()
	if parent == nil {
		return false
	}
	called := func(v ssa.Value, in ssa.Instruction) bool {
		c, ok := in.(ssa.CallInstruction)
		return ok && c.Common().Value == v && !slices.Contains(c.Common().Args, v)
	}
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == g {
				for _, u := range *mc.Referrers() {
					if !called(mc, u) {
						return false
					}
				}
				continue
			}
			if _, ok := in.(*ssa.MakeClosure); ok {
				continue
			}
			for _, op := range in.Operands(nil) {
				if op != nil && *op == g && !called(g, in) {
					return false
				}
			}
		}
	}
	return true
}

// exportsName reports whether g is an exported function of the package
// that returns a name ending as name does (pathflow.EndsAlike): a
// caller in another package can recompute the name and remove it.
func exportsName(g *ssa.Function, name ssa.Value) bool {
	obj := g.Object()
	if obj == nil || !obj.Exported() || g.Signature.Results().Len() != 1 || !ssakit.IsString(g.Signature.Results().At(0).Type()) {
		return false
	}
	for _, ret := range ssakit.Returns(g) {
		if len(ret.Results) == 1 && pathflow.EndsAlike(ret.Results[0], name) {
			return true
		}
	}
	return false
}

// removalValue reports whether instr uses a removal of the tables
// (os.Remove, os.RemoveAll, syscall.Unlink) as a value rather than
// calling it: a hook (var removeFile = os.Remove) or an argument
// (retry(os.Remove, p)) through which some call removes a file the
// tables cannot see.
func removalValue(instr ssa.Instruction) bool {
	var callee ssa.Value
	if c, ok := instr.(ssa.CallInstruction); ok {
		callee = c.Common().Value
	}
	for _, op := range instr.Operands(nil) {
		if op == nil || *op == callee {
			continue
		}
		f, ok := (*op).(*ssa.Function)
		if !ok {
			continue
		}
		obj, _ := f.Object().(*types.Func)
		if entry, ok := fsops.Lookup(obj); ok && slices.ContainsFunc(entry.Paths, func(pa fsops.PathArg) bool { return releaseOp(pa.Op) }) {
			return true
		}
	}
	return false
}

// mayRelease reports whether a call the tables and facts do not describe
// may remove name: a call with no static callee (an interface's Remove,
// a function value) given a string that may be the name, or a function
// of syscall or golang.org/x/sys/unix that unlinks and that the tables
// leave out (Unlinkat names its file relative to a directory).
func mayRelease(common *ssa.CallCommon, name ssa.Value) bool {
	if common.StaticCallee() == nil {
		return slices.ContainsFunc(common.Args, func(a ssa.Value) bool {
			return ssakit.IsString(a.Type()) && pathflow.MayNameSame(a, name)
		})
	}
	callee := ssakit.Callee(common)
	if callee == nil || callee.Pkg() == nil {
		return false
	}
	switch callee.Pkg().Path() {
	case "syscall", "golang.org/x/sys/unix":
		return strings.HasPrefix(callee.Name(), "Unlink")
	}
	return false
}

// callerGiven reports whether name is a parameter of fn, or a field of
// one that is not its receiver.
func callerGiven(fn *ssa.Function, name ssa.Value) bool {
	if u, ok := name.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			name = fa.X
		}
	}
	if f, ok := name.(*ssa.Field); ok {
		name = f.X
	}
	p, ok := name.(*ssa.Parameter)
	return ok && !(fn.Signature.Recv() != nil && len(fn.Params) > 0 && p == fn.Params[0])
}

// removesDirOf reports whether dir, removed with everything under it, may
// be a directory that name is joined under (filepath.Join(dir, ...)).
func removesDirOf(dir, name ssa.Value) bool {
	for range 4 {
		call, ok := name.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 {
			return false
		}
		callee := ssakit.Callee(&call.Call)
		if callee == nil || callee.Pkg() == nil || callee.Name() != "Join" ||
			(callee.Pkg().Path() != "path/filepath" && callee.Pkg().Path() != "path") {
			return false
		}
		elems, ok := pathflow.VarargElems(call.Call.Args[0])
		if !ok || len(elems) == 0 {
			return true // cannot tell: it may be
		}
		if pathflow.MayNameSame(dir, elems[0]) {
			return true
		}
		name = elems[0]
	}
	return false
}

// removedName is a name a call removes; nil when it cannot be told (a
// field of an argument). whole is set for a removal of everything under
// the name (os.RemoveAll).
type removedName struct {
	name  ssa.Value
	whole bool
}

// removedNames returns the names the call removes (or renames away), by
// the standard library's table or a summary of the analyzed code.
func (st *state) removedNames(common *ssa.CallCommon) []removedName {
	callee := ssakit.Callee(common)
	if callee == nil || common.IsInvoke() {
		return nil
	}
	var out []removedName
	if entry, ok := fsops.Lookup(callee); ok {
		for _, pa := range entry.Paths {
			if pa.Index >= len(common.Args) {
				continue
			}
			if op := fsops.Classify(pa, common, callee); releaseOp(op) {
				out = append(out, removedName{common.Args[pa.Index], op == fsops.OpRemoveAll})
			}
		}
		return out
	}
	if f := st.factOf(callee); f != nil {
		for _, r := range f.Release {
			switch {
			case r.Param >= len(common.Args):
			case r.Field != "":
				out = append(out, removedName{})
			default:
				out = append(out, removedName{name: common.Args[r.Param]})
			}
		}
	}
	return out
}
