package partialwrite

import (
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// WrapperFact marks a function of the analyzed code that reads, rewrites
// or renames files named by its parameters, like
//
//	func Load(path string) (*Config, error) // reads path, returns its content
//	func Save(path string, c *Config) error // truncates and rewrites path
//	func Replace(from, to string) error     // renames from onto to
//	func TempFile(dir string) (*os.File, error) // returns a file it created
//
// Calls to it are reads, writes and renames of the paths their arguments
// name. Parameters are counted with the receiver first, for methods.
type WrapperFact struct {
	Reads   []int        // parameters whose file is read into the results (or into pointer arguments)
	Writes  []int        // parameters whose file is truncated and written from the start
	Renames []RenamePair // parameter pairs renamed one onto the other
	Creates []int        // results that are files the function created
}

// RenamePair is a rename of the file parameter From names onto parameter To.
type RenamePair struct{ From, To int }

// AFact marks WrapperFact as an analysis fact.
func (*WrapperFact) AFact() {}

// String is the fact as analysistest expectations spell it.
func (f *WrapperFact) String() string {
	var parts []string
	for _, p := range f.Reads {
		parts = append(parts, fmt.Sprintf("reads path param %d", p))
	}
	for _, p := range f.Writes {
		parts = append(parts, fmt.Sprintf("rewrites path param %d", p))
	}
	for _, r := range f.Renames {
		parts = append(parts, fmt.Sprintf("renames path param %d onto path param %d", r.From, r.To))
	}
	for _, r := range f.Creates {
		parts = append(parts, fmt.Sprintf("returns a new file as result %d", r))
	}
	return strings.Join(parts, ", ")
}

// addSorted adds p to a sorted list unless present, and reports whether it did.
func addSorted(list *[]int, p int) bool {
	if slices.Contains(*list, p) {
		return false
	}
	*list = append(*list, p)
	slices.Sort(*list)
	return true
}

// addRename adds r to the fact unless present, and reports whether it did.
func (f *WrapperFact) addRename(r RenamePair) bool {
	if slices.Contains(f.Renames, r) {
		return false
	}
	f.Renames = append(f.Renames, r)
	slices.SortFunc(f.Renames, func(a, b RenamePair) int {
		if a.From != b.From {
			return a.From - b.From
		}
		return a.To - b.To
	})
	return true
}

// summarize computes the wrapper summaries of the package's named
// functions, callees before callers (ssakit.BottomUp), so that wrappers
// built on wrappers are found at any depth.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, func(fn *ssa.Function) bool {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || len(fn.Params) == 0 {
			return false
		}
		return st.summarizeFunc(fn, obj)
	})
}

// summarizeFunc adds to obj's summary what fn does to the files its
// parameters name, unconditionally (no other parameter decides it), and
// reports whether the summary grew.
func (st *state) summarizeFunc(fn *ssa.Function, obj *types.Func) bool {
	s := st.sites(fn)
	if len(s.reads)+len(s.writes)+len(s.renames)+len(s.temps) == 0 {
		return false
	}
	var br pathflow.Branches
	ifs := ifsOf(fn)
	// The ifs that mention a parameter other than the key, once per
	// parameter: only those can steer a use of the key.
	steering := map[*ssa.Parameter][]*ssa.If{}
	param := func(v ssa.Value, at ssa.Instruction) int {
		p := st.paths.ParamOf(v)
		i := slices.Index(fn.Params, p)
		if p == nil || i < 0 {
			return -1
		}
		some, ok := steering[p]
		if !ok {
			for _, x := range ifs {
				if ssakit.MentionsParam(x.Cond, p, 0) {
					some = append(some, x)
				}
			}
			steering[p] = some
		}
		if steeredByOtherParam(&br, some, at.Block(), p) {
			return -1
		}
		return i
	}
	changed := false
	fact := func() *WrapperFact {
		f := st.wrappers[obj]
		if f == nil {
			f = new(WrapperFact)
			st.wrappers[obj] = f
		}
		return f
	}
	for _, r := range s.reads {
		if i := param(r.path, r.call); i >= 0 && returnsContent(fn, r) && addSorted(&fact().Reads, i) {
			changed = true
		}
	}
	for _, w := range s.writes {
		if restoresOnFailure(w) {
			continue
		}
		if i := param(w.path, w.call); i >= 0 && !s.createdExclusively(w.path) && addSorted(&fact().Writes, i) {
			changed = true
		}
	}
	for _, rn := range s.renames {
		from, to := param(rn.src, rn.call), param(rn.dst, rn.call)
		if from >= 0 && to >= 0 && fact().addRename(RenamePair{From: from, To: to}) {
			changed = true
		}
	}
	for _, t := range s.temps {
		if t.handle == nil {
			continue
		}
		for _, i := range returnsHandle(fn, t.handle) {
			if addSorted(&fact().Creates, i) {
				changed = true
			}
		}
	}
	return changed
}

// returnsHandle returns the indices of fn's results that every return
// yields as h (or nil, on failure): fn hands over a file it created.
func returnsHandle(fn *ssa.Function, h ssa.Value) []int {
	n := fn.Signature.Results().Len()
	var out []int
	for i := range n {
		if types.Identical(fn.Signature.Results().At(i).Type(), h.Type()) && everyReturnYields(fn, i, h) {
			out = append(out, i)
		}
	}
	return out
}

// everyReturnYields reports whether every return of fn yields h or nil as
// result i, and some return yields h.
func everyReturnYields(fn *ssa.Function, i int, h ssa.Value) bool {
	sawHandle := false
	var is func(v ssa.Value, depth int) bool
	is = func(v ssa.Value, depth int) bool {
		if depth > 4 {
			return false
		}
		v = stored(v)
		switch {
		case v == h:
			sawHandle = true
			return true
		case ssakit.IsNil(v):
			return true
		}
		phi, ok := v.(*ssa.Phi)
		if !ok {
			return false
		}
		for _, e := range phi.Edges {
			if !is(e, depth+1) {
				return false
			}
		}
		return true
	}
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if ret, ok := b.Instrs[n-1].(*ssa.Return); ok && !is(ret.Results[i], 0) {
				return false
			}
		}
	}
	return sawHandle
}

// returnsContent reports whether what r read reaches one of fn's results,
// or memory one of its pointer parameters points to.
func returnsContent(fn *ssa.Function, r *readSite) bool {
	cf := newContentFlow(fn, r)
	for _, p := range fn.Params {
		if pointerLike(p.Type()) && cf.has(p) {
			return true
		}
	}
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if ret, ok := b.Instrs[n-1].(*ssa.Return); ok {
				for _, v := range ret.Results {
					if cf.has(v) && carriesContent(v.Type()) {
						return true
					}
				}
			}
		}
	}
	return false
}

// ifsOf returns the if instructions that end fn's blocks.
func ifsOf(fn *ssa.Function) []*ssa.If {
	var ifs []*ssa.If
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if i, ok := b.Instrs[n-1].(*ssa.If); ok {
				ifs = append(ifs, i)
			}
		}
	}
	return ifs
}

// steeredByOtherParam reports whether a branch that decides whether blk
// runs tests a parameter other than the path: Parse(name, content) reads
// name only when content is nil, so it is no wrapper of a read.
func steeredByOtherParam(br *pathflow.Branches, ifs []*ssa.If, blk *ssa.BasicBlock, path *ssa.Parameter) bool {
	for _, i := range ifs {
		if br.Decider(i.Block(), blk) >= 0 && ssakit.MentionsParam(i.Cond, path, 0) {
			return true
		}
	}
	return false
}
