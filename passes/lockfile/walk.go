package lockfile

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// funcAnalysis holds what the analysis of one function shares between
// its acquisitions.
type funcAnalysis struct {
	st        *state
	fn        *ssa.Function
	br        pathflow.Branches
	errIfs    []errTest
	errResult int     // index of the error result, or -1
	sites     []*site // the function's acquisitions, computed on demand
}

// errTest is an if that tests an error against nil.
type errTest struct {
	at     *ssa.If
	val    ssa.Value
	nonNil int // the successor index taken when the error is non-nil
}

// newFuncAnalysis prepares the analysis of fn: its error tests and its
// error result.
func newFuncAnalysis(st *state, fn *ssa.Function) *funcAnalysis {
	fa := &funcAnalysis{st: st, fn: fn, errResult: -1}
	for _, b := range fn.Blocks {
		n := len(b.Instrs)
		if n == 0 {
			continue
		}
		i, ok := b.Instrs[n-1].(*ssa.If)
		if !ok {
			continue
		}
		c, ok := i.Cond.(*ssa.BinOp)
		if !ok || c.Op != token.EQL && c.Op != token.NEQ {
			continue
		}
		x, y := c.X, c.Y
		if ssakit.IsNil(x) {
			x, y = y, x
		}
		if !ssakit.IsNil(y) || !ssakit.IsError(x.Type()) {
			continue
		}
		t := errTest{at: i, val: x, nonNil: 0}
		if c.Op == token.EQL {
			t.nonNil = 1
		}
		fa.errIfs = append(fa.errIfs, t)
	}
	res := fn.Signature.Results()
	if n := res.Len(); n > 0 && ssakit.IsError(res.At(n-1).Type()) {
		fa.errResult = n - 1
	}
	return fa
}

// errorDecided reports whether blk runs only when some error is non-nil:
// it is on an error path.
func (fa *funcAnalysis) errorDecided(blk *ssa.BasicBlock) bool {
	for _, t := range fa.errIfs {
		if fa.br.Decider(t.at.Block(), blk) == t.nonNil {
			return true
		}
	}
	return false
}

// knownNonNil reports whether the error v, returned at the end of blk, is
// certainly not nil: a new error, a sentinel variable, a concrete value,
// or a value tested non-nil on the way.
func (fa *funcAnalysis) knownNonNil(v ssa.Value, blk *ssa.BasicBlock, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Call:
		if fn := ssakit.Callee(&v.Call); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "fmt.Errorf", "errors.New":
				return true
			}
		}
	case *ssa.UnOp:
		if _, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return true // a sentinel error variable
		}
	case *ssa.MakeInterface:
		return true
	case *ssa.Phi:
		for i, e := range v.Edges {
			if !fa.knownNonNil(e, v.Block().Preds[i], depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	for _, t := range fa.errIfs {
		if t.val == v && fa.br.Decider(t.at.Block(), blk) == t.nonNil {
			return true
		}
	}
	return false
}

// failureExit reports whether an exit of the function reports a failure
// to its caller: a panic, a return on an error path, a return of an error
// that is certainly not nil, or a false from a function whose only result
// that can report is one boolean.
func (fa *funcAnalysis) failureExit(exit ssa.Instruction) bool {
	ret, ok := exit.(*ssa.Return)
	if !ok {
		return true
	}
	if fa.errorDecided(ret.Block()) {
		return true
	}
	if fa.errResult >= 0 && fa.errResult < len(ret.Results) {
		return fa.knownNonNil(returned(ret, fa.errResult), ret.Block(), 0)
	}
	res := fa.fn.Signature.Results()
	if res.Len() == 1 && ssakit.IsBool(res.At(0).Type()) && len(ret.Results) == 1 {
		return isFalse(returned(ret, 0))
	}
	return false
}

// returned returns the value a return gives as result i, seen through
// the result variable that a function with deferred calls stores it in
// before running them.
func returned(ret *ssa.Return, i int) ssa.Value {
	v := ret.Results[i]
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if _, ok := load.X.(*ssa.Alloc); ok {
			if stored := lastStored(load); stored != nil {
				return stored
			}
		}
	}
	return v
}

// isFalse reports whether v is the constant false.
func isFalse(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.String() == "false"
}

// siteAnalysis is what one acquisition's walk found.
type siteAnalysis struct {
	*funcAnalysis
	s         *site
	closures  []ssa.Value              // function literals that remove the lock file
	hits      []hit                    // releases met after the acquisition
	exits     []leak                   // exits reached holding the lock, released by nothing
	evidence  bool                     // the function removes the lock file somewhere: it is a lock
	holder    bool                     // the function releases it in its normal flow
	handedOff bool                     // some path hands the lock to someone else
	undecided bool                     // a failed acquisition rejoins the code that holds the lock
	heldIn    map[*ssa.BasicBlock]bool // blocks the walk reached holding the lock
}

// hit is a release met after the acquisition.
type hit struct {
	instr    ssa.CallInstruction
	acquired bool // met where the lock is known held
}

// leak is an exit reached holding the lock.
type leak struct {
	exit     ssa.Instruction // *ssa.Return or *ssa.Panic
	exitCall *ssa.Call       // the os.Exit or log.Fatal call that skips a deferred release, if any
}

// analyzeSite walks the paths from the acquisition and classifies the
// function's handling of the lock.
func (fa *funcAnalysis) analyzeSite(s *site) *siteAnalysis {
	sa := &siteAnalysis{funcAnalysis: fa, s: s, heldIn: make(map[*ssa.BasicBlock]bool)}
	sa.closures = fa.st.releasingClosures(fa.fn, s.path)
	sa.walk()
	// When a failed acquisition (the lock exists) falls through into the
	// code that runs holding the lock, the outcome of the create decides
	// nothing: a later test does (link(2)'s lock protocol, which compares
	// the files after the link whatever it returned).
	sa.failWalk(func(instr ssa.Instruction, fs failState) {
		if b := instr.Block(); fs.failed && b != s.call.Block() && sa.heldIn[b] {
			sa.undecided = true
		}
	})
	sa.evidence = len(sa.closures) > 0
	for _, h := range sa.hits {
		_, deferred := h.instr.(*ssa.Defer)
		if !deferred && fa.reacquires(h.instr, s) {
			continue // a removal before the file is made again replaces it, or breaks a stale lock
		}
		if h.acquired || deferred {
			sa.evidence = true
		}
		if deferred || h.acquired && !fa.errorDecided(h.instr.Block()) {
			sa.holder = true
		}
	}
	return sa
}

// renamedAway reports whether the walk met, where the file was created,
// a rename of it onto another name: the exclusive create made a staging
// file for an atomic write (create, write, rename into place). A lock is
// never renamed away: its name is what the other runs test. What a
// staging file left behind on an error path costs is the atomic write's
// business (a later exclusive create of it fails with an error naming
// it), not a held lock's.
func (sa *siteAnalysis) renamedAway() bool {
	for _, h := range sa.hits {
		if h.acquired && renamesAway(h.instr, sa.s.path) {
			return true
		}
	}
	return false
}

// reacquires reports whether a path from instr reaches another
// acquisition of the lock file of s (the same one, again in a loop, is a
// new lock after a release).
func (fa *funcAnalysis) reacquires(instr ssa.Instruction, s *site) bool {
	p := s.path
	if fa.sites == nil {
		fa.sites = fa.st.acquisitions(fa.fn)
	}
	targets := map[ssa.Instruction]bool{}
	for _, other := range fa.sites {
		if other != s && other.call != s.call && p.matches(other.path.base) &&
			(p.field == nil) == (other.path.field == nil) {
			targets[other.call] = true
		}
	}
	if len(targets) == 0 {
		return false
	}
	start := instr.Block()
	seen := map[*ssa.BasicBlock]bool{}
	stack := []*ssa.BasicBlock{start}
	from := indexOf(start, instr) + 1
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, x := range b.Instrs[from:] {
			if targets[x] {
				return true
			}
		}
		from = 0
		for _, succ := range b.Succs {
			if !seen[succ] {
				seen[succ] = true
				stack = append(stack, succ)
			}
		}
	}
	return false
}

// walkState is one state of the walk: a block, and what is known there.
type walkState struct {
	b        *ssa.BasicBlock
	acquired bool // the lock is known held
	deferred bool // a deferred release is registered
}

// walk follows every path from the acquisition, to find the releases it
// meets and the exits it reaches holding the lock.
func (sa *siteAnalysis) walk() {
	start := sa.s.call.Block()
	from := indexOf(start, sa.s.call) + 1
	seen := make(map[walkState]bool)
	stack := []walkState{{b: start}}
	for len(stack) > 0 {
		ws := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		first := from
		from = 0 // only the first state starts after the call
		for _, next := range sa.scan(ws, first) {
			if !seen[next] {
				seen[next] = true
				stack = append(stack, next)
			}
		}
	}
}

// indexOf returns the index of instr in b, or -1.
func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// scan runs one block of the walk from instruction from, and returns the
// states to visit next.
func (sa *siteAnalysis) scan(ws walkState, from int) []walkState {
	s := sa.s
	if ws.acquired {
		sa.heldIn[ws.b] = true
	}
	for i := from; i < len(ws.b.Instrs); i++ {
		switch x := ws.b.Instrs[i].(type) {
		case *ssa.Call:
			if x == s.call {
				return nil // acquired again: another walk
			}
			if sa.st.releases(x, s.path, s, nil, 0) {
				sa.hits = append(sa.hits, hit{instr: x, acquired: ws.acquired})
				return nil
			}
			if sa.handsOffCall(&x.Call) {
				sa.handedOff = true
				return nil
			}
		case *ssa.Defer:
			if sa.st.releases(x, s.path, s, nil, 0) {
				sa.hits = append(sa.hits, hit{instr: x, acquired: ws.acquired})
				ws.deferred = true
				continue
			}
			if sa.handsOffCall(&x.Call) {
				sa.handedOff = true
				return nil
			}
		case *ssa.Go:
			if sa.carries(x.Call.Value) || sa.anyCarries(x.Call.Args) {
				sa.handedOff = true
				return nil
			}
		case *ssa.Store:
			if sa.storeHandsOff(x) {
				sa.handedOff = true
				return nil
			}
		case *ssa.MapUpdate:
			if sa.carries(x.Key) || sa.carries(x.Value) {
				sa.handedOff = true
				return nil
			}
		case *ssa.Send:
			if sa.carries(x.X) {
				sa.handedOff = true
				return nil
			}
		case *ssa.Return:
			if sa.anyCarries(x.Results) {
				sa.handedOff = true
			} else if ws.acquired && !ws.deferred {
				sa.exits = append(sa.exits, leak{exit: x})
			}
			return nil
		case *ssa.Panic:
			if !ws.acquired {
				return nil
			}
			if c := noReturnCall(x); c != nil && ws.deferred && sa.st.exitsProcess(c) {
				sa.exits = append(sa.exits, leak{exit: x, exitCall: c})
			} else if !ws.deferred {
				sa.exits = append(sa.exits, leak{exit: x})
			}
			return nil
		case *ssa.If:
			t, f := s.edges(x.Cond)
			infT, infF := sa.infeasible(x.Cond, ws.acquired)
			var next []walkState
			for k, e := range [2]edge{t, f} {
				if e == edgeFailed || e == edgeHeld || k == 0 && infT || k == 1 && infF {
					continue
				}
				n := ws
				n.b = ws.b.Succs[k]
				n.acquired = ws.acquired || e == edgeAcquired
				next = append(next, n)
			}
			return next
		case *ssa.Jump:
			n := ws
			n.b = ws.b.Succs[0]
			return []walkState{n}
		}
	}
	return nil
}

// infeasible reports which edges of an if on cond cannot be taken where
// the lock is known held: a retry loop's merged error, all of whose
// values are the acquisition's error or nil, is nil there.
func (sa *siteAnalysis) infeasible(cond ssa.Value, acquired bool) (onTrue, onFalse bool) {
	if !acquired {
		return false, false
	}
	c, ok := cond.(*ssa.BinOp)
	if !ok || c.Op != token.EQL && c.Op != token.NEQ {
		return false, false
	}
	x, y := c.X, c.Y
	if ssakit.IsNil(x) {
		x, y = y, x
	}
	phi, ok := x.(*ssa.Phi)
	if !ok || !ssakit.IsNil(y) || !sa.nilOrErr(phi, 0) {
		return false, false
	}
	if c.Op == token.EQL {
		return false, true // x == nil holds
	}
	return true, false
}

// nilOrErr reports whether v is nil or the acquisition's error, through
// phis.
func (sa *siteAnalysis) nilOrErr(v ssa.Value, depth int) bool {
	if ssakit.IsNil(v) || sa.s.isErr(v) {
		return true
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || depth > 4 {
		return false
	}
	for _, e := range phi.Edges {
		if e != phi && !sa.nilOrErr(e, depth+1) {
			return false
		}
	}
	return true
}

// tracked returns the values that hand the lock to someone else when
// they leave the function: the file's handle, a release function.
func (sa *siteAnalysis) tracked() []ssa.Value {
	out := append([]ssa.Value(nil), sa.closures...)
	if sa.s.handle != nil {
		out = append(out, sa.s.handle)
	}
	if sa.s.release != nil {
		out = append(out, sa.s.release)
	}
	return out
}

// carries reports whether v carries the lock to whoever receives it: the
// handle, a release function, or the path itself.
func (sa *siteAnalysis) carries(v ssa.Value) bool {
	if v == nil {
		return false
	}
	for _, t := range sa.tracked() {
		if carriesValue(v, t, 0) || carriesAppended(v, t) {
			return true
		}
	}
	return sa.carriesPath(v)
}

// carriesPath reports whether v is the lock's path (or a function literal
// that captures it), which tells the receiver what to remove.
func (sa *siteAnalysis) carriesPath(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		v = x.X
	case *ssa.MakeClosure:
		for _, b := range x.Bindings {
			if sa.s.path.matches(b) {
				return true
			}
		}
		return false
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	return sa.s.path.matches(v)
}

// carriesAppended reports whether v is append(xs, t).
func carriesAppended(v, t ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" {
		return false
	}
	for _, a := range call.Call.Args {
		elems, _ := pathflow.VarargElems(a)
		for _, e := range elems {
			if carriesValue(e, t, 0) {
				return true
			}
		}
	}
	return false
}

// anyCarries reports whether one of vs carries the lock.
func (sa *siteAnalysis) anyCarries(vs []ssa.Value) bool {
	for _, v := range vs {
		if sa.carries(v) {
			return true
		}
	}
	return false
}

// storeHandsOff reports whether a store keeps the lock somewhere that
// outlives the function: a field, a global, an element of a slice that is
// not a variadic call's arguments.
func (sa *siteAnalysis) storeHandsOff(x *ssa.Store) bool {
	switch addr := x.Addr.(type) {
	case *ssa.FieldAddr, *ssa.Global:
	case *ssa.IndexAddr:
		if a, ok := addr.X.(*ssa.Alloc); ok && a.Comment == "varargs" {
			return false
		}
	default:
		return false // a local variable: followed through its loads
	}
	return sa.carries(x.Val)
}

// handsOffCall reports whether a call takes the lock over: it receives a
// function that releases it (a cleanup registry, a signal handler), or
// the file's handle and returns something that may hold it (a
// constructor of a lock type).
func (sa *siteAnalysis) handsOffCall(c *ssa.CallCommon) bool {
	for _, a := range c.Args {
		for _, t := range sa.tracked() {
			if t != sa.s.handle && carriesValue(a, t, 0) {
				return true
			}
		}
	}
	if sa.s.handle == nil {
		return false
	}
	callee := ssakit.Callee(c)
	if callee == nil || fsops.IsStd(callee.Pkg()) {
		return false
	}
	passed := false
	for _, a := range c.Args {
		passed = passed || carriesValue(a, sa.s.handle, 0)
	}
	if !passed {
		return false
	}
	res := c.Signature().Results()
	for i := range res.Len() {
		switch t := res.At(i).Type(); {
		case ssakit.IsError(t), ssakit.IsBool(t):
		default:
			if _, basic := t.Underlying().(*types.Basic); !basic {
				return true
			}
		}
	}
	return false
}
