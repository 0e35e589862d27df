package byname

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// OpensFact marks a function that returns an *os.File it opened from one
// of its path parameters, like
//
//	func openLog(p string) (*os.File, error) {
//		return os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
//	}
//
// A call to it is an open of that path.
type OpensFact struct {
	Param int // index of the path parameter (receiver first, for methods)
	File  int // index of the *os.File result
	// Err is the index of the error result that is nil when the file is
	// open, or -1 when the function has none and returns only open files.
	Err int
	// FlagParam is the index of a parameter passed as the open's flags,
	// or -1; the caller's argument then decides Access.
	FlagParam int
	Access    access
}

// AFact marks OpensFact as an analysis fact.
func (*OpensFact) AFact() {}

// String describes the fact as analysistest expectations spell it.
func (f *OpensFact) String() string {
	s := fmt.Sprintf("opens path param %d (file result %d", f.Param, f.File)
	if f.Err >= 0 {
		s += fmt.Sprintf(", error result %d", f.Err)
	} else {
		s += ", always open"
	}
	if f.FlagParam >= 0 {
		s += fmt.Sprintf(", flags param %d", f.FlagParam)
	} else {
		s += ", " + f.Access.String()
	}
	return s + ")"
}

// summarize computes the opener summaries of the package's named
// functions, callees before callers (ssakit.BottomUp), so that openers
// built on openers are found at any depth.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, func(fn *ssa.Function) bool {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || len(fn.Params) == 0 || st.opens[obj] != nil {
			return false
		}
		if f := st.openerSummary(fn); f != nil {
			st.opens[obj] = f
			return true
		}
		return false
	})
}

// openerSummary returns the fact for fn when every return yields either
// no file (with an error) or the still-open file of an open of the same
// path parameter, opened successfully.
func (st *state) openerSummary(fn *ssa.Function) *OpensFact {
	res := fn.Signature.Results()
	fileIx, errIx := -1, -1
	for i := range res.Len() {
		if isOSFile(res.At(i).Type()) {
			fileIx = i
			break
		}
	}
	if fileIx < 0 {
		return nil
	}
	if last := res.Len() - 1; last != fileIx && ssakit.IsError(res.At(last).Type()) {
		errIx = last
	}
	opens, _ := st.sites(fn)
	if len(opens) == 0 {
		return nil
	}
	s := newFuncState(st, fn)
	fact := &OpensFact{Param: -1, File: fileIx, Err: errIx, FlagParam: -1}
	first := true
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := ret.Results[fileIx]
		if ssakit.IsNil(v) {
			if errIx < 0 || ssakit.IsNil(ret.Results[errIx]) {
				return nil // the caller cannot tell this nil from an open file
			}
			continue
		}
		o := openOf(opens, v)
		if o == nil || o.path == nil || o.opath {
			return nil
		}
		param := ssakit.ParamIndex(fn, st.paths.ParamOf(o.path))
		if param < 0 || (fact.Param >= 0 && param != fact.Param) {
			return nil
		}
		fact.Param = param
		if !(errIx >= 0 && o.err != nil && ret.Results[errIx] == o.err) && !s.succeeded(o, b) {
			return nil // the file may be nil, or the caller cannot tell
		}
		h := s.trackHandle(o.file)
		if h.unsure {
			return nil
		}
		for _, c := range append(append([]ssa.Instruction(nil), h.closes...), h.deferred...) {
			if s.reachesInstr(c, ret) {
				return nil // it may return a closed file
			}
		}
		flagParam, acc := -1, o.access
		if o.flagArg != nil {
			flagParam = ssakit.ParamIndex(fn, directParam(o.flagArg))
		}
		if first {
			fact.FlagParam, fact.Access, first = flagParam, acc, false
		} else if fact.FlagParam != flagParam {
			fact.FlagParam, fact.Access = -1, accessUnknown
		} else {
			fact.Access = fact.Access.join(acc)
		}
	}
	if fact.Param < 0 {
		return nil
	}
	if fact.FlagParam >= 0 {
		fact.Access = accessUnknown
	}
	return fact
}

// openOf returns the open whose file v is.
func openOf(opens []*openSite, v ssa.Value) *openSite {
	for _, o := range opens {
		if o.file != nil && o.file == v {
			return o
		}
	}
	return nil
}

// directParam returns the parameter v is, seen through conversions.
func directParam(v ssa.Value) *ssa.Parameter {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Parameter:
			return x
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}
