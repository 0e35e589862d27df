package pathrace

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// cond is what an if condition says about a checked path on each edge.
type cond struct {
	onTrue, onFalse polarity
	typeTest        bool // tests the kind of file (a FileInfo method), not its existence
	modeTest        bool // tests FileInfo.Mode(): symbolic link, regular file
}

// condition reports what v, used as an if condition, says about c's path.
func (c *checkSite) condition(v ssa.Value) (cond, bool) { return c.cond(v, 0) }

func (c *checkSite) cond(v ssa.Value, depth int) (cond, bool) {
	if depth > 6 {
		return cond{}, false
	}
	if c.ok != nil && v == c.ok {
		return cond{onTrue: c.okMeans, onFalse: c.okMeans.not()}, true
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.NOT {
			k, ok := c.cond(v.X, depth+1)
			k.onTrue, k.onFalse = k.onFalse, k.onTrue
			return k, ok
		}
	case *ssa.BinOp:
		if k, ok := c.comparison(v); ok {
			return k, true
		}
	case *ssa.Call:
		if c.err != nil && isNotExistTest(&v.Call, c.err) {
			return cond{onTrue: absent, onFalse: present}, true
		}
	}
	if c.info != nil && c.kind != fsops.CheckGlob {
		if mode, ok := derivesFrom(v, c.info, 0); ok {
			return cond{onTrue: present, onFalse: present, typeTest: true, modeTest: mode}, true
		}
	}
	return cond{}, false
}

// comparison handles err == nil, matches == nil and len(matches) == 0.
func (c *checkSite) comparison(v *ssa.BinOp) (cond, bool) {
	x, y := v.X, v.Y
	if isZeroConst(x) {
		x, y = y, x
	}
	if !isZeroConst(y) {
		return cond{}, false
	}
	var onEqual polarity // what x == nil/0 says
	switch {
	case c.err != nil && x == c.err:
		onEqual = present
	case c.kind == fsops.CheckGlob && (x == c.info || isLenOf(x, c.info)):
		onEqual = absent
	default:
		return cond{}, false
	}
	switch v.Op {
	case token.EQL:
		return cond{onTrue: onEqual, onFalse: onEqual.not()}, true
	case token.NEQ, token.GTR:
		return cond{onTrue: onEqual.not(), onFalse: onEqual}, true
	}
	return cond{}, false
}

func isZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value == nil {
		return true // nil
	}
	return k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0
}

func isLenOf(v, slice ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len" && len(call.Call.Args) == 1 && call.Call.Args[0] == slice
}

// isNotExistTest reports whether call is os.IsNotExist(err) or
// errors.Is(err, fs.ErrNotExist) (or os.ErrNotExist).
func isNotExistTest(call *ssa.CallCommon, err ssa.Value) bool {
	return isSentinelTest(call, err, "NotExist")
}

// isSentinelTest reports whether call tests err for the file-system
// condition which (ssakit.SentinelTest).
func isSentinelTest(call *ssa.CallCommon, err ssa.Value, which string) bool {
	v, ok := ssakit.SentinelTest(call, which)
	return ok && v == err
}

// derivesFrom reports whether v is computed from the FileInfo info through
// its methods (fi.IsDir(), fi.Mode()&fs.ModeSymlink != 0), and whether
// Mode or Type was among them.
func derivesFrom(v, info ssa.Value, depth int) (mode, ok bool) {
	if v == info {
		return false, true
	}
	if depth > 6 {
		return false, false
	}
	depth++
	switch v := v.(type) {
	case *ssa.Call:
		var recv ssa.Value
		var name string
		if v.Call.IsInvoke() {
			recv, name = v.Call.Value, v.Call.Method.Name()
		} else if fn := ssakit.Callee(&v.Call); fn != nil && len(v.Call.Args) > 0 {
			if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
				recv, name = v.Call.Args[0], fn.Name()
			}
		}
		if recv == nil {
			return false, false
		}
		m, ok := derivesFrom(recv, info, depth)
		return m || name == "Mode" || name == "Type", ok
	case *ssa.BinOp:
		if m, ok := derivesFrom(v.X, info, depth); ok {
			return m, true
		}
		return derivesFrom(v.Y, info, depth)
	case *ssa.UnOp:
		return derivesFrom(v.X, info, depth)
	case *ssa.ChangeType:
		return derivesFrom(v.X, info, depth)
	case *ssa.Convert:
		return derivesFrom(v.X, info, depth)
	}
	return false, false
}

// funcState holds what one function's analysis shares between questions.
type funcState struct {
	fn        *ssa.Function
	br        pathflow.Branches
	ifs       []*ssa.If                    // the function's ifs, in block order
	rets      []*ssa.Return                // the function's returns, in block order
	steering  map[*ssa.Parameter][]*ssa.If // the ifs whose condition mentions a parameter other than the key
	order     map[*ssa.BasicBlock]int      // the index of each if's block among the function's ifs
	deciders  map[*checkSite][]condAt      // the ifs whose condition says something about a check's path
	sameFile  map[*checkSite]bool          // sameFileIdiom, by check
	dom       *domChecks                   // the function's checks by dominator tree, on the first question
	removes   []removeAt                   // the function's removes, for removedAfter, on the first question
	removesOK bool
	reachTo   map[*ssa.BasicBlock][]bool // by block: the blocks that reach it along at least one edge
}

// domChecks returns the index of checks, the function's checks.
func (s *funcState) domChecks(checks []*checkSite) *domChecks {
	if s.dom == nil || len(s.dom.checks) != len(checks) || (len(checks) > 0 && &s.dom.checks[0] != &checks[0]) {
		s.dom = newDomChecks(s.fn, checks)
	}
	return s.dom
}

// condAt is an if whose condition says k about a check's path.
type condAt struct {
	at *ssa.If
	k  cond
}

func newFuncState(fn *ssa.Function) *funcState {
	s := &funcState{
		fn:       fn,
		order:    make(map[*ssa.BasicBlock]int),
		deciders: make(map[*checkSite][]condAt),
		sameFile: make(map[*checkSite]bool),
	}
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			switch i := b.Instrs[n-1].(type) {
			case *ssa.If:
				s.order[b] = len(s.ifs)
				s.ifs = append(s.ifs, i)
			case *ssa.Return:
				s.rets = append(s.rets, i)
			}
		}
	}
	return s
}

// maxCondChain bounds the chain of instructions from a check's result to
// an if condition that condition can recognise: at most six negations
// (cond's depth), then a comparison or a test call, or a chain of at most
// seven FileInfo method calls and operators (derivesFrom's depth).
const maxCondChain = 16

// condsOf returns the ifs whose condition says something about c's path,
// in block order, with what each says. It follows the referrers of c's
// results forward, through the instructions condition looks through, once
// per check, instead of asking condition about every if of the function.
func (s *funcState) condsOf(c *checkSite) []condAt {
	if r, ok := s.deciders[c]; ok {
		return r
	}
	var ifs []*ssa.If
	seen := map[ssa.Value]bool{}
	var level []ssa.Value
	for _, v := range []ssa.Value{c.ok, c.err, c.info} {
		if v != nil && !seen[v] {
			seen[v] = true
			level = append(level, v)
		}
	}
	for depth := 0; len(level) > 0 && depth <= maxCondChain; depth++ {
		var next []ssa.Value
		for _, v := range level {
			refs := v.Referrers()
			if refs == nil {
				continue
			}
			for _, r := range *refs {
				switch r := r.(type) {
				case *ssa.If:
					if r.Cond == v {
						ifs = append(ifs, r)
					}
				case *ssa.UnOp, *ssa.BinOp, *ssa.Call, *ssa.ChangeType, *ssa.Convert:
					w := r.(ssa.Value)
					if !seen[w] {
						seen[w] = true
						next = append(next, w)
					}
				}
			}
		}
		level = next
	}
	// Block order, as the function's ifs were once scanned; an if is
	// found once per value it tests, so duplicates are dropped.
	sort.Slice(ifs, func(i, j int) bool { return s.order[ifs[i].Block()] < s.order[ifs[j].Block()] })
	var out []condAt
	for i, at := range ifs {
		if i > 0 && ifs[i-1] == at {
			continue
		}
		if k, ok := c.condition(at.Cond); ok {
			out = append(out, condAt{at, k})
		}
	}
	s.deciders[c] = out
	return out
}

// ifsMentioning returns the ifs whose condition mentions a parameter
// other than path, computed once per parameter.
func (s *funcState) ifsMentioning(path *ssa.Parameter) []*ssa.If {
	if r, ok := s.steering[path]; ok {
		return r
	}
	var r []*ssa.If
	for _, i := range s.ifs {
		if ssakit.MentionsParam(i.Cond, path, 0) {
			r = append(r, i)
		}
	}
	if s.steering == nil {
		s.steering = make(map[*ssa.Parameter][]*ssa.If)
	}
	s.steering[path] = r
	return r
}

// sameFileIdiom is the package's sameFileIdiom, computed once per check.
func (s *funcState) sameFileIdiom(c *checkSite) bool {
	r, ok := s.sameFile[c]
	if !ok {
		r = sameFileIdiom(c)
		s.sameFile[c] = r
	}
	return r
}

// decision is what the branches that decide whether a block runs say about
// a check's path.
type decision struct {
	pol      polarity
	modeTest bool // a branch on FileInfo.Mode() decides the use
	kindTest bool // a branch on any FileInfo method (kind, size, time) decides it
	// stale: a create reached from the absent outcome directly and from
	// the present one through a staleness test (absentOrStale), which
	// staleRemoves says removes the path before the create.
	stale, staleRemoves bool
}

// decided reports what c's result says about its path wherever blk runs,
// when some branch on c's result decides whether blk runs.
func (s *funcState) decided(c *checkSite, blk *ssa.BasicBlock) (decision, bool) {
	var d decision
	typeOnly := false
	// A condition on c's result is computed in a block c's block
	// dominates, and a deciding if dominates blk: no if decides blk when
	// c's block does not dominate it.
	if !c.call.Block().Dominates(blk) {
		return d, false
	}
	for _, ca := range s.condsOf(c) {
		i, k := ca.at, ca.k
		edge := s.br.Decider(i.Block(), blk)
		if edge < 0 {
			continue
		}
		if k.typeTest {
			typeOnly = true
			d.kindTest = true
			d.modeTest = d.modeTest || k.modeTest
			continue
		}
		pol := k.onTrue
		if edge == 1 {
			pol = k.onFalse
		}
		if d.pol != unknown && d.pol != pol {
			return decision{}, false // contradictory branches: dead code or confusion
		}
		d.pol = pol
	}
	if d.pol == unknown && typeOnly {
		d.pol = present // a FileInfo method ran, so the check found the file
	}
	return d, d.pol != unknown
}

// tolerates reports whether the code around a use already copes with the
// race the category names: the use's error is tested for the outcome the
// race produces (fs.ErrExist after an absence check, fs.ErrNotExist after
// a presence check), or the path is checked again after the use, so the
// earlier check is only a fast path. A remove or rename after a check of
// presence alone (not of the file's kind) is tolerated when its error is
// thrown away: the file gone in between gives the skip's outcome, and a
// replacement is what the use would have acted on without the check.
func (s *funcState) tolerates(u *useSite, cat string, d decision, checks []*checkSite) bool {
	var sentinel string
	switch cat {
	case MkdirIfAbsent, LinkIfAbsent:
		sentinel = "Exist"
		for _, c := range checks {
			if pathflow.SamePath(c.path, u.path) && ssakit.RunsBefore(u.instr, c.call) {
				return true
			}
		}
	case RemoveIfPresent, RenameIfPresent:
		if !d.kindTest && errorDiscarded(u.instr) {
			return true
		}
		sentinel = "NotExist"
	case ReadIfPresent, ModifyIfPresent:
		sentinel = "NotExist"
	default:
		return false
	}
	call, ok := u.instr.(*ssa.Call)
	if !ok {
		return false
	}
	res := ssakit.Results(call)
	if len(res) == 0 {
		return false
	}
	err := res[len(res)-1]
	if err == nil || !ssakit.IsError(err.Type()) {
		return false
	}
	return sentinelTested(err, sentinel, 0)
}

// errorDiscarded reports whether the error a use returns is thrown away:
// a deferred or go call, a call statement, or an assignment to _.
func errorDiscarded(instr ssa.CallInstruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return true // defer and go discard results
	}
	res := ssakit.Results(call)
	if len(res) == 0 || !ssakit.IsError(call.Call.Signature().Results().At(len(res)-1).Type()) {
		return false
	}
	err := res[len(res)-1]
	if err == nil {
		return true // never extracted from the result tuple
	}
	refs := err.Referrers()
	return refs == nil || len(*refs) == 0
}

// isSentinelHelperTest reports whether call is a project's own wrapper of
// os.IsXXX applied to err, for XXX = which: a package-level func(error) bool
// named IsXXX or isXXX, like hugo's herrors.IsNotExist, which also looks
// through one level of wrapping. It only serves to recognise a use whose
// error is tested; checks are still recognised by os and errors alone.
func isSentinelHelperTest(call *ssa.CallCommon, err ssa.Value, which string) bool {
	fn := ssakit.Callee(call)
	if fn == nil || (fn.Name() != "Is"+which && fn.Name() != "is"+which) {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil &&
		sig.Params().Len() == 1 && ssakit.IsError(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && ssakit.IsBool(sig.Results().At(0).Type()) &&
		len(call.Args) == 1 && call.Args[0] == err
}
