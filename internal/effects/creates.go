package effects

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssabuild"
	"github.com/toctou/toctou/internal/ssakit"
)

// Creators answers, for one run over one package, what the package's
// functions create by name: the create sites (Sites), and the filters
// that say a function owns the name it creates (Covered, VerifiesOwner,
// DeadByConstant). Its evaluators and caches are its own: each run
// (effects', tempname's) makes one, so that Result stays read-only once
// effects returned it.
type Creators struct {
	r         *Result
	ssa       *ssabuild.SSA
	prod, all *view // the package as non-test code sees it, and with its test code
	*view           // the one for the function at hand (Sites)
	funcs     map[*ssa.Function]*funcIndex
}

// view is what the package's code does with its variables and
// directories, as one function sees it: findings in non-test files must
// not depend on test files (ssabuild.TestCode).
type view struct {
	eval        *Evaluator
	privateDirs map[string]bool // constant directories some function makes exclusively
}

// NewCreators returns the create model of the package prog holds,
// knowing the creates r summarized: what the package does with its
// variables and which constant directories it makes exclusively, as seen
// by non-test code (for findings in non-test files) and by all code (for
// findings in test files; ssabuild.TestCode).
func (r *Result) NewCreators(prog *ssabuild.SSA) *Creators {
	funcs := prog.Funcs()
	prod := &view{eval: newEvaluator(funcs, nil), privateDirs: make(map[string]bool)}
	prod.eval.paths = r.paths
	all := prod
	if prog.HasTests() {
		prod.eval = newEvaluator(funcs, func(in ssa.Instruction) bool { return !prog.TestCode(in) })
		prod.eval.paths = r.paths
		all = &view{eval: newEvaluator(funcs, nil), privateDirs: make(map[string]bool)}
		all.eval.paths = r.paths
	}
	cr := &Creators{r: r, ssa: prog, prod: prod, all: all, funcs: make(map[*ssa.Function]*funcIndex)}
	for _, fn := range funcs {
		_, excls := cr.Sites(fn)
		var br pathflow.Branches
		for _, x := range excls {
			if d, ok := ConstText(x.Segs); ok && x.Dir && failureStops(x.Instr, &br) {
				all.privateDirs[trimRightSlash(d)] = true
				if !prog.TestCode(x.Instr) {
					prod.privateDirs[trimRightSlash(d)] = true
				}
			}
		}
	}
	return cr
}

// enter makes the view of fn's code the current one. The package
// initializer, whose code comes from every file, gets the non-test view.
func (cr *Creators) enter(fn *ssa.Function) {
	cr.view = cr.prod
	if cr.ssa.TestFunc(fn) {
		cr.view = cr.all
	}
}

// A CreateSite is a call that creates a name which may already exist: a
// file, a directory or a link, directly or through a wrapper.
type CreateSite struct {
	Instr  ssa.CallInstruction // *ssa.Call, *ssa.Defer or *ssa.Go
	Callee *types.Func
	Arg    int       // index of the path (or, for wrappers, of the parameter) among the call's arguments
	Path   ssa.Value // that argument
	Segs   []Segment // what the created path is made of
	Kind   CreateKind
	Role   Role // for a wrapper: how the argument enters the path; RolePath for direct calls
	Direct bool // a table operation, not a user wrapper
}

// An ExclSite is a call that creates a name only if it does not exist
// (O_EXCL, os.Mkdir or os.Symlink whose failure stops the function): the
// function owns what it made, and names under a directory it made.
type ExclSite struct {
	Instr ssa.CallInstruction
	Path  ssa.Value
	Segs  []Segment
	Dir   bool
}

// Sites finds the creations of one function: the creates of a name that
// may exist (the fsops table's creates, MkdirAll, a Mkdir or Symlink
// whose fs.ErrExist is tolerated, and the creates of the callees'
// summaries, Fact.Creates), and the exclusive creates (O_EXCL, a Mkdir or
// Symlink whose failure is not tolerated).
func (cr *Creators) Sites(fn *ssa.Function) (creates []*CreateSite, excls []*ExclSite) {
	cr.enter(fn)
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
					var op CreateKind
					switch fsops.Classify(pa, common, callee) {
					case fsops.OpCreate:
						op = CreateFile
					case fsops.OpMkdirAll:
						op = CreateDir
					case fsops.OpMkdir:
						if tolerated(ci) {
							op = CreateDir
						} else {
							excls = append(excls, &ExclSite{Instr: ci, Path: path, Segs: cr.segs(path), Dir: true})
						}
					case fsops.OpLinkNew:
						if tolerated(ci) {
							op = CreateLink
						} else {
							excls = append(excls, &ExclSite{Instr: ci, Path: path, Segs: cr.segs(path)})
						}
					case fsops.OpExclCreate:
						excls = append(excls, &ExclSite{Instr: ci, Path: path, Segs: cr.segs(path)})
					}
					if op != CreateNone {
						creates = append(creates, &CreateSite{Instr: ci, Callee: callee, Arg: pa.Index,
							Path: path, Segs: cr.segs(path), Kind: op, Role: RolePath, Direct: true})
					}
				}
				continue
			}
			if f := cr.r.Of(callee); f != nil {
				for _, pc := range f.Creates {
					if pc.Param >= len(common.Args) {
						continue
					}
					arg := common.Args[pc.Param]
					creates = append(creates, &CreateSite{Instr: ci, Callee: callee, Arg: pc.Param,
						Path: arg, Segs: wrapperSegments(pc, cr.segs(arg)), Kind: pc.Kind, Role: pc.Role})
				}
			}
		}
	}
	return creates, excls
}

// segs returns the segments of v, or nil when they are not understood.
func (cr *Creators) segs(v ssa.Value) []Segment {
	segs, ok := cr.eval.Segments(v)
	if !ok {
		return nil
	}
	return segs
}

// Segments returns the pieces v, a value of fn, is made of, as fn's code
// sees the package (Evaluator.Segments).
func (cr *Creators) Segments(fn *ssa.Function, v ssa.Value) ([]Segment, bool) {
	cr.enter(fn)
	return cr.eval.Segments(v)
}

// wrapperSegments rebuilds, from a wrapper's summary and the segments of
// the argument, what the path the wrapper creates is made of.
func wrapperSegments(pc Create, arg []Segment) []Segment {
	if arg == nil {
		return nil
	}
	rest := Pred(pc.Class, token.NoPos)
	switch pc.Role {
	case RolePath:
		return arg
	case RoleDir:
		return append(append(append([]Segment(nil), arg...), Lit("/")), rest)
	case RoleName:
		out := append([]Segment{{Kind: SegRoot}, Lit("/")}, arg...)
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
	return !ssakit.Used(err)
}

// errResult returns the error result of call, or nil when it has none or
// never extracts it (ssakit.ErrResult).
func errResult(call *ssa.Call) ssa.Value {
	err, _ := ssakit.ErrResult(call)
	return err
}

// isExistTest reports whether call is os.IsExist(err) or errors.Is(err,
// fs.ErrExist) (or os.ErrExist).
func isExistTest(call *ssa.CallCommon, err ssa.Value) bool {
	v, ok := ssakit.SentinelTest(call, "Exist")
	return ok && v == err
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

// Covered reports whether the name c creates is one the function already
// owns when c runs: c runs only after an exclusive creation of the same
// path, or of a directory that holds it, succeeded.
func (cr *Creators) Covered(c *CreateSite, excls []*ExclSite, br *pathflow.Branches) bool {
	for _, x := range excls {
		if !pathflow.SamePath(x.Path, c.Path) && !(x.Dir && Inside(c.Path, c.Segs, x.Path, x.Segs)) {
			continue
		}
		if ssakit.RunsBefore(x.Instr, c.Instr) && onlyAfterSuccess(x.Instr, c.Instr.Block(), br) {
			return true
		}
	}
	return cr.underPrivateConstDir(c.Segs)
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
func (cr *Creators) underPrivateConstDir(segs []Segment) bool {
	p, ok := ConstText(segs)
	if !ok {
		return false
	}
	for d := range cr.privateDirs {
		if len(p) > len(d) && p[:len(d)] == d && p[len(d)] == '/' {
			return true
		}
	}
	return false
}

// ConstText returns the text of a path made only of literals.
func ConstText(segs []Segment) (string, bool) {
	segs = Merge(segs)
	if len(segs) != 1 || segs[0].Kind != SegLit {
		return "", false
	}
	return segs[0].Text, true
}

// Inside reports whether the path p is under the directory d: p is
// filepath.Join(d, ...), d + "/...", fmt.Sprintf("%s/...", d, ...), or both
// are constants and d is a prefix of p.
func Inside(p ssa.Value, pSegs []Segment, d ssa.Value, dSegs []Segment) bool {
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
	pt, ok1 := ConstText(pSegs)
	dt, ok2 := ConstText(dSegs)
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
