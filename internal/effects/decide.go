package effects

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

// Cond is what an if condition says about a checked path on each edge.
type Cond struct {
	OnTrue, OnFalse Polarity
	TypeTest        bool // tests the kind of file (a FileInfo method), not its existence
	ModeTest        bool // tests FileInfo.Mode(): symbolic link, regular file
}

// Condition reports what v, used as an if condition, says about c's path.
func (c *CheckSite) Condition(v ssa.Value) (Cond, bool) { return c.cond(v, 0) }

func (c *CheckSite) cond(v ssa.Value, depth int) (Cond, bool) {
	if depth > 6 {
		return Cond{}, false
	}
	if c.OK != nil && v == c.OK {
		return Cond{OnTrue: c.OKMeans, OnFalse: c.OKMeans.Not()}, true
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.NOT {
			k, ok := c.cond(v.X, depth+1)
			k.OnTrue, k.OnFalse = k.OnFalse, k.OnTrue
			return k, ok
		}
	case *ssa.BinOp:
		if k, ok := c.comparison(v); ok {
			return k, true
		}
	case *ssa.Call:
		if c.Err != nil && isNotExistTest(&v.Call, c.Err) {
			return Cond{OnTrue: Absent, OnFalse: Present}, true
		}
		if c.Err != nil && IsSentinelTest(&v.Call, c.Err, "Exist") {
			// os.IsExist(err) of a check says what the code takes its
			// true edge for (the file is there: err == nil ||
			// os.IsExist(err)); its false edge says nothing
			return Cond{OnTrue: Present, OnFalse: Unknown}, true
		}
	}
	if c.Info != nil && c.Kind != fsops.CheckGlob {
		if mode, ok := DerivesFrom(v, c.Info, 0); ok {
			return Cond{OnTrue: Present, OnFalse: Present, TypeTest: true, ModeTest: mode}, true
		}
	}
	return Cond{}, false
}

// comparison handles err == nil, matches == nil and len(matches) == 0,
// and fi == nil for the FileInfo of a Stat or Lstat, which is nil exactly
// where the error is not: an existence test, as err != nil is (if err ==
// nil && fi != nil { return errExists }), not a test of the file's kind.
func (c *CheckSite) comparison(v *ssa.BinOp) (Cond, bool) {
	x, y := v.X, v.Y
	if IsZeroConst(x) {
		x, y = y, x
	}
	if !IsZeroConst(y) {
		return Cond{}, false
	}
	var onEqual Polarity // what x == nil/0 says
	switch {
	case c.Err != nil && x == c.Err:
		onEqual = Present
	case c.Kind == fsops.CheckGlob && (x == c.Info || isLenOf(x, c.Info)):
		onEqual = Absent
	case (c.Kind == fsops.CheckStat || c.Kind == fsops.CheckLstat) && c.Info != nil && x == c.Info:
		onEqual = Absent
	default:
		return Cond{}, false
	}
	switch v.Op {
	case token.EQL:
		return Cond{OnTrue: onEqual, OnFalse: onEqual.Not()}, true
	case token.NEQ, token.GTR:
		return Cond{OnTrue: onEqual.Not(), OnFalse: onEqual}, true
	}
	return Cond{}, false
}

func IsZeroConst(v ssa.Value) bool {
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
	return IsSentinelTest(call, err, "NotExist")
}

// IsSentinelTest reports whether call tests err for the file-system
// condition which (ssakit.SentinelTest).
func IsSentinelTest(call *ssa.CallCommon, err ssa.Value, which string) bool {
	v, ok := ssakit.SentinelTest(call, which)
	return ok && v == err
}

// DerivesFrom reports whether v is computed from the FileInfo info through
// its methods (fi.IsDir(), fi.Mode()&fs.ModeSymlink != 0), and whether
// Mode or Type was among them.
func DerivesFrom(v, info ssa.Value, depth int) (mode, ok bool) {
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
		m, ok := DerivesFrom(recv, info, depth)
		return m || name == "Mode" || name == "Type", ok
	case *ssa.BinOp:
		if m, ok := DerivesFrom(v.X, info, depth); ok {
			return m, true
		}
		return DerivesFrom(v.Y, info, depth)
	case *ssa.UnOp:
		return DerivesFrom(v.X, info, depth)
	case *ssa.ChangeType:
		return DerivesFrom(v.X, info, depth)
	case *ssa.Convert:
		return DerivesFrom(v.X, info, depth)
	}
	return false, false
}

// FuncState holds what one function's analysis shares between questions.
type FuncState struct {
	Fn       *ssa.Function
	Br       pathflow.Branches
	Ifs      []*ssa.If                    // the function's ifs, in block order
	Rets     []*ssa.Return                // the function's returns, in block order
	steering map[*ssa.Parameter][]*ssa.If // the ifs whose condition mentions a parameter other than the key
	order    map[*ssa.BasicBlock]int      // the index of each if's block among the function's ifs
	deciders map[*CheckSite][]CondAt      // the ifs whose condition says something about a check's path
	dom      *DomChecks                   // the function's checks by dominator tree, on the first question
}

// DomChecks returns the index of checks, the function's checks.
func (s *FuncState) DomChecks(checks []*CheckSite) *DomChecks {
	if s.dom == nil || len(s.dom.checks) != len(checks) || (len(checks) > 0 && &s.dom.checks[0] != &checks[0]) {
		s.dom = newDomChecks(s.Fn, checks)
	}
	return s.dom
}

// CondAt is an if whose condition says k about a check's path.
type CondAt struct {
	At *ssa.If
	K  Cond
}

func NewFuncState(fn *ssa.Function) *FuncState {
	s := &FuncState{
		Fn:       fn,
		order:    make(map[*ssa.BasicBlock]int),
		deciders: make(map[*CheckSite][]CondAt),
	}
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			switch i := b.Instrs[n-1].(type) {
			case *ssa.If:
				s.order[b] = len(s.Ifs)
				s.Ifs = append(s.Ifs, i)
			case *ssa.Return:
				s.Rets = append(s.Rets, i)
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

// CondsOf returns the ifs whose condition says something about c's path,
// in block order, with what each says. It follows the referrers of c's
// results forward, through the instructions condition looks through, once
// per check, instead of asking condition about every if of the function.
func (s *FuncState) CondsOf(c *CheckSite) []CondAt {
	if r, ok := s.deciders[c]; ok {
		return r
	}
	var ifs []*ssa.If
	seen := map[ssa.Value]bool{}
	var level []ssa.Value
	for _, v := range []ssa.Value{c.OK, c.Err, c.Info} {
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
	var out []CondAt
	for i, at := range ifs {
		if i > 0 && ifs[i-1] == at {
			continue
		}
		if k, ok := c.Condition(at.Cond); ok {
			out = append(out, CondAt{at, k})
		}
	}
	s.deciders[c] = out
	return out
}

// IfsMentioning returns the ifs whose condition mentions a parameter
// other than path, computed once per parameter.
func (s *FuncState) IfsMentioning(path *ssa.Parameter) []*ssa.If {
	if r, ok := s.steering[path]; ok {
		return r
	}
	var r []*ssa.If
	for _, i := range s.Ifs {
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

// Decision is what the branches that decide whether a block runs say about
// a check's path.
type Decision struct {
	Pol      Polarity
	ModeTest bool // a branch on FileInfo.Mode() decides the use
	KindTest bool // a branch on any FileInfo method (kind, size, time) decides it
	// stale: a create reached from the absent outcome directly and from
	// the present one through a staleness test (absentOrStale), which
	// staleRemoves says removes the path before the create.
	Stale, StaleRemoves bool
}

// Decided reports what c's result says about its path wherever blk runs,
// when some branch on c's result decides whether blk runs.
func (s *FuncState) Decided(c *CheckSite, blk *ssa.BasicBlock) (Decision, bool) {
	var d Decision
	typeOnly := false
	// A condition on c's result is computed in a block c's block
	// dominates, and a deciding if dominates blk: no if decides blk when
	// c's block does not dominate it.
	if !c.Call.Block().Dominates(blk) {
		return d, false
	}
	for _, ca := range s.CondsOf(c) {
		i, k := ca.At, ca.K
		edge := s.Br.Decider(i.Block(), blk)
		if edge < 0 {
			continue
		}
		if k.TypeTest {
			typeOnly = true
			d.KindTest = true
			d.ModeTest = d.ModeTest || k.ModeTest
			continue
		}
		pol := k.OnTrue
		if edge == 1 {
			pol = k.OnFalse
		}
		if pol == Unknown {
			continue // this edge of the if says nothing
		}
		if d.Pol != Unknown && d.Pol != pol {
			return Decision{}, false // contradictory branches: dead code or confusion
		}
		d.Pol = pol
	}
	if d.Pol == Unknown && typeOnly {
		d.Pol = Present // a FileInfo method ran, so the check found the file
	}
	if d.Pol == Unknown {
		d.Pol = c.joinedEdges(blk)
	}
	return d, d.Pol != Unknown
}

// joinedEdges returns what blk's incoming edges say about c's path when
// each is an edge of an if on c's result and all say the same: the join
// of a disjunction (if err == nil || os.IsExist(err) { ... }), which no
// single if decides. It returns Unknown otherwise.
func (c *CheckSite) joinedEdges(blk *ssa.BasicBlock) Polarity {
	if len(blk.Preds) < 2 {
		return Unknown
	}
	pol := Unknown
	for _, p := range blk.Preds {
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || p.Succs[0] == p.Succs[1] {
			return Unknown
		}
		k, ok := c.Condition(iff.Cond)
		if !ok || k.TypeTest {
			return Unknown
		}
		e := k.OnTrue
		if p.Succs[1] == blk {
			e = k.OnFalse
		}
		if e == Unknown || pol != Unknown && pol != e {
			return Unknown
		}
		pol = e
	}
	return pol
}
