package pathrace

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// exclFixOK reports whether making u's create exclusive (O_EXCL) is right
// in every context the check can see. It is not when
//   - the code removes the file after the create, on its error path or
//     later: with O_EXCL, a create that fails because another process made
//     the file first would go on to delete that process's file;
//   - the file is an empty marker (os.WriteFile with nil or empty data, or
//     a create whose file is only closed), or is written with the same
//     content in every run (fixedContent): two runs that both make it
//     race harmlessly, and O_EXCL turns the second run into a failure.
//
// The race is still reported; only the fix is withheld.
//
// An empty file whose presence the code treats as a failure (the check's
// present branch returns a non-nil error: "held") is a lock, not a marker,
// and the second run is meant to fail: the fix is offered.
func (st *state) exclFixOK(cat string, c *effects.CheckSite, u *effects.UseSite) bool {
	if cat == MkdirIfAbsent {
		// os.MkdirAll succeeds where the directory exists: where the
		// check's present branch fails ("already exists"), the Mkdir is an
		// exclusive claim (of a container id, a job directory), and MkdirAll
		// would let two claims of one name both succeed.
		return !st.failsIfPresent(c, u)
	}
	if cat != CreateIfAbsent || st.removedAfter(u) {
		return cat != CreateIfAbsent
	}
	return !emptyMarker(u) && !st.fixedContent(u) || st.failsIfPresent(c, u)
}

// failsIfPresent reports whether a return that c decides the path is
// present on refuses (refuses: an error the function makes, not nil and
// not the error of an operation it ran).
func (st *state) failsIfPresent(c *effects.CheckSite, u *effects.UseSite) bool {
	fs := st.funcState(u.Instr.Parent())
	for _, ret := range fs.Rets {
		if !refuses(ret) {
			continue
		}
		if d, ok := fs.Decided(c, ret.Block()); ok && d.Pol == effects.Present {
			return true
		}
	}
	return false
}

// funcState returns the state of the function being reported on, or a
// new one for fn.
func (st *state) funcState(fn *ssa.Function) *funcState {
	if st.FS != nil && st.FS.Fn == fn {
		return st.FS
	}
	return newFuncState(fn)
}

// A removeAt is a call of os.Remove or os.RemoveAll, or the same
// operation through a file system (fsops.LookupCall).
type removeAt struct {
	Instr ssa.CallInstruction
	Path  ssa.Value
	FS    ssa.Value // the file system removed through; nil for the os namespace
}

// removedAfter reports whether a remove of u's path can run after u: in
// u's block after u, or in a block that u's block reaches. The function's
// removes are found once, and the blocks that reach each remove once per
// remove, instead of walking the function once per finding.
func (st *state) removedAfter(u *effects.UseSite) bool {
	fs := st.funcState(u.Instr.Parent())
	ub := u.Instr.Block()
	for _, r := range fs.removeCalls() {
		if r.Instr == u.Instr || !fsops.SameFS(r.FS, u.FS, pathflow.SamePath) || !st.paths.SamePath(r.Path, u.Path) {
			continue
		}
		rb := r.Instr.Block()
		if rb == ub && ssakit.RunsBefore(u.Instr, r.Instr) {
			return true
		}
		if fs.reachesTo(rb)[ub.Index] {
			return true
		}
	}
	return false
}

// removeCalls returns the function's calls of os.Remove and os.RemoveAll
// (and of the same operations through a file system).
func (s *funcState) removeCalls() []removeAt {
	if s.removesOK {
		return s.removes
	}
	s.removesOK = true
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if path, fs, ok := removeOf(ci); ok {
				s.removes = append(s.removes, removeAt{ci, path, fs})
			}
		}
	}
	return s.removes
}

// reachesTo returns, by block index, whether a block reaches target along
// at least one edge (target itself only on a cycle).
func (s *funcState) reachesTo(target *ssa.BasicBlock) []bool {
	if r, ok := s.reachTo[target]; ok {
		return r
	}
	r := make([]bool, len(s.Fn.Blocks))
	stack := []*ssa.BasicBlock{target}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range b.Preds {
			if !r[p.Index] {
				r[p.Index] = true
				stack = append(stack, p)
			}
		}
	}
	if s.reachTo == nil {
		s.reachTo = make(map[*ssa.BasicBlock][]bool)
	}
	s.reachTo[target] = r
	return r
}

// emptyMarker reports whether u creates a file and writes nothing into it:
// os.WriteFile of no data, or a create whose file is only closed, in the
// os namespace or through a file system (an os.Root, afero's Fs, billy's
// Filesystem: its Create method).
func emptyMarker(u *effects.UseSite) bool {
	if !u.Direct || u.Callee.Pkg() == nil {
		return false
	}
	if data, ok := writeFileData(u); ok {
		return emptyData(data)
	}
	key := u.Callee.Pkg().Path() + "." + u.Callee.Name()
	if u.FS != nil && u.Callee.Name() == "Create" {
		key = "os.Create"
	}
	switch key {
	case "os.Create", "os.OpenFile":
		call, ok := u.Instr.(*ssa.Call)
		if !ok {
			return true // deferred or go: the file is dropped
		}
		f := ssakit.Results(call)[0]
		if f == nil {
			return true // the file is never used: os.Create(p) as a statement, or f, _ discarded
		}
		for _, r := range *f.Referrers() {
			if !isCloseOf(r, f) {
				return false
			}
		}
		return true
	}
	return false
}

// fixedContent reports whether u writes a whole file whose content is
// the same in every run: os.WriteFile (or ioutil.WriteFile) of fixed
// data (ssakit.Fixed: a constant, a conversion of one, an unexported
// variable set only by the package initializer or embedded).
func (st *state) fixedContent(u *effects.UseSite) bool {
	data, ok := writeFileData(u)
	return ok && ssakit.Fixed(data, st.index())
}

// writeFileData returns the data u writes, when u is os.WriteFile or
// ioutil.WriteFile (a direct use, so its callee has a package).
func writeFileData(u *effects.UseSite) (ssa.Value, bool) {
	if !u.Direct || u.Callee.Pkg() == nil {
		return nil, false
	}
	args := u.Instr.Common().Args
	switch u.Callee.Pkg().Path() + "." + u.Callee.Name() {
	case "os.WriteFile", "io/ioutil.WriteFile":
		if len(args) == 3 {
			return args[1], true
		}
	}
	return nil, false
}

// emptyData reports whether v is nil, an empty string converted to bytes,
// or a slice of nothing.
func emptyData(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return true
		}
		return v.Value.Kind() == constant.String && constant.StringVal(v.Value) == ""
	case *ssa.Convert:
		return emptyData(v.X)
	case *ssa.Slice: // []byte{}: a slice of a new [0]byte
		if a, ok := v.X.(*ssa.Alloc); ok {
			if p, ok := a.Type().Underlying().(*types.Pointer); ok {
				arr, ok := p.Elem().Underlying().(*types.Array)
				return ok && arr.Len() == 0
			}
		}
	}
	return false
}

// isCloseOf reports whether instr is f.Close(), called or deferred.
func isCloseOf(instr ssa.Instruction, f ssa.Value) bool {
	ci, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	c := ci.Common()
	if c.IsInvoke() { // a file system's file interface: f.Close()
		return c.Method.Name() == "Close" && c.Value == f && len(c.Args) == 0
	}
	callee := ssakit.Callee(c)
	return callee != nil && callee.Name() == "Close" && len(c.Args) == 1 && c.Args[0] == f
}
