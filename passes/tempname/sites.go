package tempname

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A createSite is a call that creates a name which may already exist: a
// file, a directory or a link, directly or through a wrapper.
type createSite struct {
	instr  ssa.CallInstruction // *ssa.Call, *ssa.Defer or *ssa.Go
	callee *types.Func
	arg    int       // index of the path (or, for wrappers, of the parameter) among the call's arguments
	path   ssa.Value // that argument
	segs   []segment // what the created path is made of
	op     opKind
	role   role // for a wrapper: how the argument enters the path; rolePath for direct calls
	direct bool // a table operation, not a user wrapper
}

// An exclSite is a call that creates a name only if it does not exist
// (O_EXCL, os.Mkdir or os.Symlink whose failure stops the function): the
// function owns what it made, and names under a directory it made.
type exclSite struct {
	instr ssa.CallInstruction
	path  ssa.Value
	segs  []segment
	dir   bool
}

// sites finds the creations of one function.
func (st *state) sites(fn *ssa.Function) (creates []*createSite, excls []*exclSite) {
	st.enter(fn)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := ci.Common()
			callee := ssakit.Callee(common)
			if callee == nil {
				continue
			}
			if entry, ok := fsops.Lookup(callee); ok {
				if entry.Check != fsops.CheckNone {
					continue
				}
				for _, pa := range entry.Paths {
					if pa.Index >= len(common.Args) {
						continue
					}
					path := common.Args[pa.Index]
					var op opKind
					switch fsops.Classify(pa, common, callee) {
					case fsops.OpCreate:
						op = opFile
					case fsops.OpMkdirAll:
						op = opDir
					case fsops.OpMkdir:
						if tolerated(ci) {
							op = opDir
						} else {
							excls = append(excls, &exclSite{instr: ci, path: path, segs: st.segs(path), dir: true})
						}
					case fsops.OpLinkNew:
						if tolerated(ci) {
							op = opLink
						} else {
							excls = append(excls, &exclSite{instr: ci, path: path, segs: st.segs(path)})
						}
					case fsops.OpExclCreate:
						excls = append(excls, &exclSite{instr: ci, path: path, segs: st.segs(path)})
					}
					if op != opNone {
						creates = append(creates, &createSite{instr: ci, callee: callee, arg: pa.Index,
							path: path, segs: st.segs(path), op: op, role: rolePath, direct: true})
					}
				}
				continue
			}
			if f := st.createsFact(callee); f != nil {
				for _, pc := range f.Creates {
					if pc.Param >= len(common.Args) {
						continue
					}
					arg := common.Args[pc.Param]
					creates = append(creates, &createSite{instr: ci, callee: callee, arg: pc.Param,
						path: arg, segs: wrapperSegments(pc, st.segs(arg)), op: pc.Op, role: pc.Role})
				}
			}
		}
	}
	return creates, excls
}

// segs returns the segments of v, or nil when they are not understood.
func (st *state) segs(v ssa.Value) []segment {
	segs, ok := st.eval.segments(v)
	if !ok {
		return nil
	}
	return segs
}

// wrapperSegments rebuilds, from a wrapper's summary and the segments of
// the argument, what the path the wrapper creates is made of.
func wrapperSegments(pc ParamCreate, arg []segment) []segment {
	if arg == nil {
		return nil
	}
	rest := pred(pc.Class, token.NoPos)
	switch pc.Role {
	case rolePath:
		return arg
	case roleDir:
		return append(append(append([]segment(nil), arg...), lit("/")), rest)
	case roleName:
		out := append([]segment{{kind: segRoot}, lit("/")}, arg...)
		return append(out, rest)
	}
	return nil
}

// tolerated reports whether a call that fails when its name exists goes
// on anyway: its error is dropped, or tested for fs.ErrExist.
func tolerated(ci ssa.CallInstruction) bool {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return true // defer and go drop the error
	}
	err := errResult(call)
	if err == nil {
		return true
	}
	for _, r := range *err.Referrers() {
		switch r := r.(type) {
		case *ssa.Call:
			if isExistTest(&r.Call, err) {
				return true
			}
		case *ssa.DebugRef:
			continue
		}
	}
	return !used(err)
}

// errResult returns the error result of call, or nil when nothing uses it.
func errResult(call *ssa.Call) ssa.Value {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !ssakit.IsError(res.At(res.Len()-1).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == res.Len()-1 {
			return e
		}
	}
	return nil
}

// used reports whether an instruction other than a debug reference uses v.
func used(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// isExistTest reports whether call is os.IsExist(err) or errors.Is(err,
// fs.ErrExist) (or os.ErrExist).
func isExistTest(call *ssa.CallCommon, err ssa.Value) bool {
	v, ok := ssakit.SentinelTest(call, "Exist")
	return ok && v == err
}

// createsFact returns what the analyzed code knows of fn as a wrapper of
// a creation: from this package's summaries, or from a fact of its
// package. The standard library is known through fsops's table only.
func (st *state) createsFact(fn *types.Func) *CreatesFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.creates[fn]
	}
	var f CreatesFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// infoSys reports whether the FileInfo a stat call returns has its Sys()
// method called: the owner is in there.
func infoSys(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		e, ok := r.(*ssa.Extract)
		if !ok || e.Index != 0 {
			continue
		}
		for _, rr := range *e.Referrers() {
			if c, ok := rr.(*ssa.Call); ok && c.Call.IsInvoke() && c.Call.Value == e && c.Call.Method.Name() == "Sys" {
				return true
			}
		}
	}
	return false
}

// isResultOf reports whether v is the first result of the call instr.
func isResultOf(v ssa.Value, instr ssa.CallInstruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	if e, ok := v.(*ssa.Extract); ok {
		return e.Tuple == call && e.Index == 0
	}
	return v == call
}

// covered reports whether the name c creates is one the function already
// owns when c runs: c runs only after an exclusive creation of the same
// path, or of a directory that holds it, succeeded.
func (st *state) covered(c *createSite, excls []*exclSite, br *pathflow.Branches) bool {
	for _, x := range excls {
		if !pathflow.SamePath(x.path, c.path) && !(x.dir && inside(c.path, c.segs, x.path, x.segs)) {
			continue
		}
		if ssakit.RunsBefore(x.instr, c.instr) && onlyAfterSuccess(x.instr, c.instr.Block(), br) {
			return true
		}
	}
	return st.underPrivateConstDir(c.segs)
}

// onlyAfterSuccess reports whether blk runs only when the call x returned
// a nil error: an if on err == nil (or err != nil) decides it.
func onlyAfterSuccess(x ssa.CallInstruction, blk *ssa.BasicBlock, br *pathflow.Branches) bool {
	call, ok := x.(*ssa.Call)
	if !ok {
		return false
	}
	err := errResult(call)
	if err == nil {
		return false
	}
	for _, r := range *err.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) || !ssakit.IsNil(cmp.X) && !ssakit.IsNil(cmp.Y) {
			continue
		}
		nilEdge := 0 // the true edge of err == nil
		if cmp.Op == token.NEQ {
			nilEdge = 1
		}
		for _, rr := range *cmp.Referrers() {
			if i, ok := rr.(*ssa.If); ok && br.Decider(i.Block(), blk) == nilEdge {
				return true
			}
		}
	}
	return false
}

// failureStops reports whether the function does not go on after the
// call x fails: it returns the error, or its failure branch never rejoins
// the success branch.
func failureStops(x ssa.CallInstruction, br *pathflow.Branches) bool {
	call, ok := x.(*ssa.Call)
	if !ok {
		return false
	}
	err := errResult(call)
	if err == nil {
		return false
	}
	for _, r := range *err.Referrers() {
		switch r := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.BinOp:
			if (r.Op != token.EQL && r.Op != token.NEQ) || !ssakit.IsNil(r.X) && !ssakit.IsNil(r.Y) {
				continue
			}
			nilEdge := 0
			if r.Op == token.NEQ {
				nilEdge = 1
			}
			for _, rr := range *r.Referrers() {
				if i, ok := rr.(*ssa.If); ok {
					if succ := i.Block().Succs[nilEdge]; len(succ.Preds) == 1 && br.Decider(i.Block(), succ) == nilEdge &&
						len(succ.Instrs) > 0 && !isReturnOnly(succ) {
						return true
					}
				}
			}
		}
	}
	return false
}

// isReturnOnly reports whether b does nothing but return: the success
// branch of "if err == nil { return nil }" shows nothing about failures.
func isReturnOnly(b *ssa.BasicBlock) bool {
	_, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	return ok && len(b.Instrs) == 1
}

// underPrivateConstDir reports whether a constant path lies under a
// constant directory that some function of the package makes with an
// os.Mkdir whose failure stops it (see failureStops).
func (st *state) underPrivateConstDir(segs []segment) bool {
	p, ok := constText(segs)
	if !ok {
		return false
	}
	for d := range st.privateDirs {
		if len(p) > len(d) && p[:len(d)] == d && p[len(d)] == '/' {
			return true
		}
	}
	return false
}

// constText returns the text of a path made only of literals.
func constText(segs []segment) (string, bool) {
	segs = merge(segs)
	if len(segs) != 1 || segs[0].kind != segLit {
		return "", false
	}
	return segs[0].text, true
}

// inside reports whether the path p is under the directory d: p is
// filepath.Join(d, ...), d + "/...", fmt.Sprintf("%s/...", d, ...), or both
// are constants and d is a prefix of p.
func inside(p ssa.Value, pSegs []segment, d ssa.Value, dSegs []segment) bool {
	for range 4 {
		var head ssa.Value
		switch v := p.(type) {
		case *ssa.Call:
			switch ssakit.QualifiedName(ssakit.Callee(&v.Call)) {
			case "path/filepath.Join", "path.Join":
				if elems, ok := pathflow.VarargElems(v.Call.Args[0]); ok && len(elems) > 1 {
					head = elems[0]
				}
			case "fmt.Sprintf":
				if elems, ok := varargs(v.Call.Args[1]); ok && len(elems) > 0 {
					if f, ok := v.Call.Args[0].(*ssa.Const); ok && f.Value != nil && len(f.Value.ExactString()) > 4 &&
						f.Value.ExactString()[:4] == `"%s/` {
						head = elems[0]
						if mi, ok := head.(*ssa.MakeInterface); ok {
							head = mi.X
						}
					}
				}
			}
		case *ssa.BinOp:
			if v.Op == token.ADD {
				head = v.X
			}
		}
		if head == nil {
			break
		}
		if pathflow.SamePath(head, d) {
			return true
		}
		p = head
	}
	pt, ok1 := constText(pSegs)
	dt, ok2 := constText(dSegs)
	dt = trimRightSlash(dt)
	return ok1 && ok2 && len(pt) > len(dt) && pt[:len(dt)] == dt && pt[len(dt)] == '/'
}

// trimRightSlash drops trailing separators, but not the root "/".
func trimRightSlash(s string) string {
	for len(s) > 1 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}
