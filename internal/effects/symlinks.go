package effects

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// SymlinkCheck says that a function refuses symbolic links in the path
// its parameter at index Param names (the receiver first, for a method):
// it Lstats the path, or every element of it, tests the mode of what it
// found, and returns a non-nil error (its last result) when that is a
// symbolic link (issue 13, spelling 3):
//
//	func noSymlinks(p string) error {
//		cur := "/"
//		for _, part := range strings.Split(p, "/") {
//			cur = filepath.Join(cur, part)
//			fi, err := os.Lstat(cur)
//			if err != nil {
//				return err
//			}
//			if fi.Mode()&fs.ModeSymlink != 0 {
//				return fmt.Errorf("%s is a symbolic link", cur)
//			}
//		}
//		return nil
//	}
//
// A nil error from a call is a symbolic-link check of the argument; a
// later open of the same path by name can find a link planted in between.
// Components is true when the Lstat is of the path's elements (a walk
// over strings.Split or filepath.Dir), not of the path itself.
type SymlinkCheck struct {
	Param      int
	Components bool
}

func (c SymlinkCheck) String() string {
	if c.Components {
		return fmt.Sprintf("checks param %d for symlinks (in its components)", c.Param)
	}
	return fmt.Sprintf("checks param %d for symlinks", c.Param)
}

// symlinkCandidate reports whether a signature can be a symbolic-link
// check's: a string parameter (or receiver), and an error last result.
func symlinkCandidate(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 || !ssakit.IsError(res.At(res.Len()-1).Type()) {
		return false
	}
	if sig.Recv() != nil && ssakit.IsString(sig.Recv().Type()) {
		return true
	}
	for v := range sig.Params().Variables() {
		if ssakit.IsString(v.Type()) {
			return true
		}
	}
	return false
}

// symlinkChecks returns what fn refuses symbolic links in: for each
// os.Lstat (or syscall's, unix's) of its parameter or of an element of
// it whose FileInfo's mode decides an if with an edge that returns a
// non-nil error.
func symlinkChecks(paths *pathflow.Model, fn *ssa.Function) []SymlinkCheck {
	var out []SymlinkCheck
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			entry, ok := fsops.Lookup(ssakit.Callee(&call.Call))
			if !ok || entry.Check != fsops.CheckLstat || len(entry.Paths) == 0 || entry.Paths[0].Index >= len(call.Call.Args) {
				continue
			}
			info := lstatInfo(call)
			if info == nil || !refusesMode(info) {
				continue
			}
			d := &deriver{paths: paths, seen: make(map[ssa.Value]bool)}
			p, split, ok := d.derive(call.Call.Args[entry.Paths[0].Index], 0)
			if !ok || p == nil {
				continue
			}
			i := slices.Index(fn.Params, p)
			if i < 0 {
				continue
			}
			c := SymlinkCheck{Param: i, Components: split}
			if j := slices.IndexFunc(out, func(o SymlinkCheck) bool { return o.Param == i }); j >= 0 {
				out[j].Components = out[j].Components || split
			} else {
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b SymlinkCheck) int { return a.Param - b.Param })
	return out
}

// lstatInfo returns the FileInfo result of an Lstat call: os.Lstat's
// first result; syscall.Lstat(path, &st) fills a struct, which is not
// followed.
func lstatInfo(call *ssa.Call) ssa.Value {
	if call.Call.Signature().Results().Len() != 2 {
		return nil
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			return e
		}
	}
	return nil
}

// refusesMode reports whether an if tests the mode of info (through
// Mode() or Type()) and one of its edges returns a non-nil error.
func refusesMode(info ssa.Value) bool {
	seen := map[ssa.Value]bool{info: true}
	level := []ssa.Value{info}
	mode := map[ssa.Value]bool{}
	for depth := 0; len(level) > 0 && depth < 8; depth++ {
		var next []ssa.Value
		for _, v := range level {
			for _, r := range *v.Referrers() {
				switch r := r.(type) {
				case *ssa.If:
					if mode[v] && (pathflow.ReturnsError(r.Block().Succs[0]) || pathflow.ReturnsError(r.Block().Succs[1])) {
						return true
					}
				case *ssa.Call, *ssa.BinOp, *ssa.UnOp, *ssa.ChangeType, *ssa.Convert:
					w := r.(ssa.Value)
					if seen[w] {
						continue
					}
					seen[w] = true
					mode[w] = mode[v] || isModeCall(w)
					next = append(next, w)
				}
			}
		}
		level = next
	}
	return false
}

// isModeCall reports whether v is a call of a method named Mode or Type
// (FileInfo.Mode, FileMode.Type).
func isModeCall(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	name := ""
	if call.Call.IsInvoke() {
		name = call.Call.Method.Name()
	} else if fn := call.Call.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		name = fn.Name()
	}
	return name == "Mode" || name == "Type"
}

// A deriver follows a path value back to the parameter it is computed
// from, through the functions that take a path apart or put its parts
// together.
type deriver struct {
	paths *pathflow.Model
	seen  map[ssa.Value]bool
}

// splitters take a path apart: their results are elements or prefixes of
// their first argument.
var splitters = map[string]map[string]bool{
	"path/filepath": {"Dir": true, "Split": true, "VolumeName": true},
	"path":          {"Dir": true, "Split": true},
	"strings":       {"Split": true, "SplitN": true, "SplitAfter": true, "SplitAfterN": true, "Cut": true, "Fields": true, "FieldsFunc": true},
}

// joiners put parts together: their result is computed from their
// arguments.
var joiners = map[string]map[string]bool{
	"path/filepath": {"Join": true},
	"path":          {"Join": true},
	"strings":       {"Join": true},
}

// derive returns the parameter v is computed from (nil when only
// constants), whether a splitter was on the way, and false when v depends
// on anything else (another parameter, an opaque call).
func (d *deriver) derive(v ssa.Value, depth int) (p *ssa.Parameter, split, ok bool) {
	if depth > 12 {
		return nil, false, false
	}
	if d.seen[v] {
		return nil, false, true // a loop's back edge adds nothing
	}
	d.seen[v] = true
	depth++
	if u := d.paths.Uncleaned(v); u != v {
		return d.derive(u, depth)
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v, false, true
	case *ssa.Const:
		return nil, false, true
	case *ssa.Phi:
		return d.all(v.Edges, depth)
	case *ssa.BinOp:
		if v.Op == token.ADD && !namesChild(v.X) && !namesChild(v.Y) {
			return d.all([]ssa.Value{v.X, v.Y}, depth)
		}
	case *ssa.ChangeType:
		return d.derive(v.X, depth)
	case *ssa.Convert:
		return d.derive(v.X, depth)
	case *ssa.Slice: // p[:i], or the elements of a split
		p, _, ok := d.derive(v.X, depth)
		return p, true, ok
	case *ssa.Index:
		return d.derive(v.X, depth)
	case *ssa.UnOp:
		if ia, ok := v.X.(*ssa.IndexAddr); ok && v.Op == token.MUL {
			return d.derive(ia.X, depth) // parts[i]
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return d.call(call, depth)
		}
	case *ssa.Call:
		return d.call(v, depth)
	}
	return nil, false, false
}

func (d *deriver) call(call *ssa.Call, depth int) (*ssa.Parameter, bool, bool) {
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil || len(call.Call.Args) == 0 {
		return nil, false, false
	}
	pkg := fn.Pkg().Path()
	switch {
	case splitters[pkg][fn.Name()]:
		p, _, ok := d.derive(call.Call.Args[0], depth)
		return p, true, ok
	case joiners[pkg][fn.Name()]:
		var args []ssa.Value
		for _, a := range call.Call.Args {
			if elems, ok := pathflow.VarargElems(a); ok {
				args = append(args, elems...)
			} else {
				args = append(args, a)
			}
		}
		if slices.ContainsFunc(args, namesChild) {
			return nil, false, false // filepath.Join(p, "config") is below p, no element of it
		}
		return d.all(args, depth)
	}
	return nil, false, false
}

// namesChild reports whether v, joined to a path, makes another path: a
// string constant other than a separator, "." or "".
func namesChild(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(k.Value) {
	case "", ".", "/", `\`:
		return false
	}
	return true
}

// all combines the derivations of vs: one parameter at most.
func (d *deriver) all(vs []ssa.Value, depth int) (*ssa.Parameter, bool, bool) {
	var p *ssa.Parameter
	split := false
	for _, e := range vs {
		q, s, ok := d.derive(e, depth)
		if !ok || (p != nil && q != nil && p != q) {
			return nil, false, false
		}
		if q != nil {
			p = q
		}
		split = split || s
	}
	return p, split, true
}
