package byname

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/knowledge"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A handle is what one function does with the *os.File an open returned.
type handle struct {
	aliases map[ssa.Value]bool // the file, and values that hold it (conversions, phis, loads)
	// closes are the calls that close the file, or may: f.Close(), an
	// io.Closer's Close, passing it to a function of the analyzed code,
	// calling a closure that captured it.
	closes []ssa.Instruction
	// deferred are deferred calls that close it, or may, when the
	// function returns.
	deferred []ssa.Instruction
	unsure   bool // it escapes into something that may close it at any time
	escaped  bool // it is stored where other code can reach it (a field, a global)
	statted  bool // the function stats the handle (f.Stat(), Fstat of f.Fd())
}

// mayClose reports whether anything in the function may close the file.
func (h *handle) mayClose() bool {
	return len(h.closes) > 0 || len(h.deferred) > 0 || h.unsure || h.escaped
}

// trackHandle follows the file an open returned through the function.
func (s *funcState) trackHandle(file ssa.Value) *handle {
	if h, ok := s.handles[file]; ok {
		return h
	}
	h := &handle{aliases: map[ssa.Value]bool{file: true}}
	s.handles[file] = h
	work := []ssa.Value{file}
	escaped := false
	add := func(v ssa.Value) {
		if !h.aliases[v] {
			h.aliases[v] = true
			work = append(work, v)
		}
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.ChangeType:
				add(r)
			case *ssa.MakeInterface:
				add(r)
			case *ssa.TypeAssert:
				add(r)
			case *ssa.Extract:
				if r.Index == 0 {
					add(r) // c, ok := x.(io.Closer)
				}
			case *ssa.Phi:
				add(r)
			case *ssa.UnOp:
				if r.Op == token.MUL {
					add(r) // a load of a variable that holds the file
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				if alloc, ok := r.Addr.(*ssa.Alloc); ok {
					add(alloc)
				} else {
					escaped = true // a field, a global, an element
				}
			case *ssa.Call:
				s.call(h, r, &r.Call, v, false)
			case *ssa.Defer:
				s.call(h, r, &r.Call, v, true)
			case *ssa.Go:
				h.closes = append(h.closes, r) // the goroutine may close it at any time
			case *ssa.MakeClosure:
				h.closure(r)
			case *ssa.Send, *ssa.MapUpdate, *ssa.Slice, *ssa.IndexAddr, *ssa.FieldAddr:
				escaped = true
			}
		}
	}
	if escaped {
		h.escaped = true
		s.escapedCloses(h)
	}
	return h
}

// call records what a call that receives the handle v does with it.
func (s *funcState) call(h *handle, instr ssa.Instruction, call *ssa.CallCommon, v ssa.Value, deferred bool) {
	record := func() {
		if deferred {
			h.deferred = append(h.deferred, instr)
		} else {
			h.closes = append(h.closes, instr)
		}
	}
	if call.IsInvoke() {
		switch {
		case call.Value == v && call.Method.Name() == "Close":
			record()
		case call.Value == v && call.Method.Name() == "Stat":
			h.statted = true
		case call.Value != v:
			record() // the handle is an argument of an unknown method
		}
		return
	}
	if mc, ok := call.Value.(*ssa.MakeClosure); ok && mc != v {
		record() // a closure that receives the handle may close it
		return
	}
	fn := ssakit.Callee(call)
	switch {
	case fn == nil:
		record() // a function value may close it
	case isFileMethod(fn) && len(call.Args) > 0 && call.Args[0] == v:
		switch fn.Name() {
		case "Close":
			record()
		case "Stat":
			h.statted = true
		case "Fd":
			if c, ok := instr.(*ssa.Call); ok {
				h.descriptor(c, deferred)
			}
		}
	case fsops.IsStd(fn.Pkg()):
		// The standard library reads, writes and wraps files it is given;
		// it does not close them.
	default:
		for i, a := range call.Args {
			if a == v && s.st.paramMayClose(call.StaticCallee(), i) {
				record()
				return
			}
		}
	}
}

// descriptor follows the descriptor f.Fd() returned: syscall.Close and
// unix.Close close the file, Fstat stats it.
func (h *handle) descriptor(fd *ssa.Call, deferred bool) {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if seen[v] || depth > 4 || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Convert:
				walk(r, depth+1)
			case *ssa.ChangeType:
				walk(r, depth+1)
			case ssa.CallInstruction:
				fn := ssakit.Callee(r.Common())
				if fn == nil || fn.Pkg() == nil {
					continue
				}
				switch p := fn.Pkg().Path(); {
				case (p == "syscall" || p == unixPath) && fn.Name() == "Close":
					if _, isDefer := r.(*ssa.Defer); isDefer || deferred {
						h.deferred = append(h.deferred, r)
					} else {
						h.closes = append(h.closes, r)
					}
				case (p == "syscall" || p == unixPath) && fn.Name() == "Fstat":
					h.statted = true
				}
			}
		}
	}
	walk(fd, 0)
}

// closure records a closure that captured the handle: deferring it may
// close the file when the function returns, calling it may close the file
// there, and anything else may close it at any time.
func (h *handle) closure(mc *ssa.MakeClosure) {
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Defer:
			if r.Call.Value == mc {
				h.deferred = append(h.deferred, r)
				continue
			}
			h.unsure = true
		case *ssa.Call:
			if r.Call.Value == mc {
				h.closes = append(h.closes, r)
				continue
			}
			h.unsure = true
		default:
			h.unsure = true
		}
	}
}

// escapedCloses records, for a handle stored where other code can reach
// it (a field, a global), every call that may reach it there: functions
// of the analyzed code, function values, and Close methods.
func (s *funcState) escapedCloses(h *handle) {
	for _, b := range s.fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			call := ci.Common()
			var may bool
			if call.IsInvoke() {
				may = call.Method.Name() == "Close"
			} else if fn := ssakit.Callee(call); fn == nil {
				_, builtin := call.Value.(*ssa.Builtin)
				may = !builtin
			} else {
				may = !fsops.IsStd(fn.Pkg()) || (isFileMethod(fn) && fn.Name() == "Close")
			}
			if !may {
				continue
			}
			switch ci.(type) {
			case *ssa.Call:
				h.closes = append(h.closes, instr)
			case *ssa.Defer:
				h.deferred = append(h.deferred, instr)
			case *ssa.Go:
				h.closes = append(h.closes, instr)
			}
		}
	}
}

// funcState holds what one function's analysis shares between questions.
type funcState struct {
	st       *state
	fn       *ssa.Function
	ifs      []*ssa.If
	handles  map[ssa.Value]*handle
	noReturn map[*ssa.BasicBlock]bool
	index    map[ssa.Instruction]int
	br       pathflow.Branches // stops at blocks in noReturn
}

// newFuncState indexes fn's instructions, its ifs and its blocks that
// call a function that never returns.
func newFuncState(st *state, fn *ssa.Function) *funcState {
	s := &funcState{
		st:       st,
		fn:       fn,
		handles:  make(map[ssa.Value]*handle),
		noReturn: make(map[*ssa.BasicBlock]bool),
		index:    make(map[ssa.Instruction]int),
	}
	s.br.Stop = func(b *ssa.BasicBlock) bool { return s.noReturn[b] }
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			s.index[instr] = i
			if call, ok := instr.(*ssa.Call); ok && st.noReturnCall(&call.Call) {
				s.noReturn[b] = true
			}
		}
		if n := len(b.Instrs); n > 0 {
			if i, ok := b.Instrs[n-1].(*ssa.If); ok {
				s.ifs = append(s.ifs, i)
			}
		}
	}
	return s
}

// noReturnCall reports whether a call never returns to its caller: a
// function of internal/knowledge's exits table (os.Exit, runtime.Goexit,
// log.Fatal and log.Panic, zap's, logrus's, klog's and glog's Fatal, the
// testing methods that stop a test, on *testing.T or testing.TB), or a
// function of the analyzed package that reaches no return (a fail helper
// that calls os.Exit).
func (st *state) noReturnCall(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		return knowledge.Exit(call.Method) != knowledge.Returns
	}
	fn := ssakit.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == st.pass.Pkg {
		return st.neverReturns(call.StaticCallee())
	}
	return knowledge.Exit(fn) != knowledge.Returns
}

// dominates reports whether a runs before b on every path to b.
func (s *funcState) dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	return s.index[a] < s.index[b]
}

// succeeded reports whether at runs only where o's open succeeded: a
// branch on its error (err == nil, err != nil) or on its file (f != nil)
// decides whether at runs, and at is on the success side.
func (s *funcState) succeeded(o *openSite, at *ssa.BasicBlock) bool {
	if o.alwaysOpen {
		return true
	}
	ok := false
	for _, i := range s.ifs {
		success := o.successEdge(i.Cond)
		if success < 0 {
			continue
		}
		edge := s.br.Decider(i.Block(), at)
		if edge < 0 {
			continue
		}
		if edge != success {
			return false // at runs where the open failed
		}
		ok = true
	}
	return ok
}

// successEdge returns the successor index (0 true, 1 false) on which an
// if with condition cond knows the open succeeded, or -1.
func (o *openSite) successEdge(cond ssa.Value) int {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return -1
	}
	x, y := cmp.X, cmp.Y
	if ssakit.IsNil(x) {
		x, y = y, x
	}
	if !ssakit.IsNil(y) || x == nil {
		return -1
	}
	var eqMeansSuccess bool
	switch {
	case o.err != nil && x == o.err:
		eqMeansSuccess = true // err == nil
	case o.file != nil && x == o.file:
		eqMeansSuccess = false // f == nil
	default:
		return -1
	}
	if (cmp.Op == token.EQL) == eqMeansSuccess {
		return 0
	}
	return 1
}

// stillOpen reports whether some path from the open o to the instruction
// at (which o dominates) closes neither the file nor re-runs the open.
func (s *funcState) stillOpen(o *openSite, at ssa.Instruction, h *handle) bool {
	closesIn := map[*ssa.BasicBlock][]int{}
	for _, c := range h.closes {
		closesIn[c.Block()] = append(closesIn[c.Block()], s.index[c])
	}
	closedBetween := func(b *ssa.BasicBlock, from, to int) bool {
		for _, i := range closesIn[b] {
			if from < i && i < to {
				return true
			}
		}
		return false
	}
	ob, oi := o.call.Block(), s.index[o.call]
	ab, ai := at.Block(), s.index[at]
	if ob == ab {
		// Leaving the block and coming back would run the open again.
		return oi < ai && !closedBetween(ob, oi, ai)
	}
	if closedBetween(ob, oi, len(ob.Instrs)) || s.noReturn[ob] {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{ob: true}
	stack := append([]*ssa.BasicBlock(nil), ob.Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == ab {
			if !closedBetween(b, -1, ai) {
				return true
			}
			continue
		}
		if len(closesIn[b]) > 0 || s.noReturn[b] {
			continue
		}
		stack = append(stack, b.Succs...)
	}
	return false
}

// closedOnSomePath reports whether some path from the open o to the
// instruction at may close the file first: the call by name is reported
// for the paths that leave it open, but a handle's method would fail on
// the others.
func (s *funcState) closedOnSomePath(o *openSite, at ssa.Instruction, h *handle) bool {
	for _, c := range h.closes {
		if s.reachesInstr(o.call, c) && s.reachesInstr(c, at) {
			return true
		}
	}
	return false
}

// reachesInstr reports whether b can run after a: later in a's block, or
// in a block reachable from it.
func (s *funcState) reachesInstr(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb && s.index[a] < s.index[b] {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), ab.Succs...)
	for len(stack) > 0 {
		blk := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[blk] {
			continue
		}
		seen[blk] = true
		if blk == bb {
			return true
		}
		stack = append(stack, blk.Succs...)
	}
	return false
}

// paramMayClose reports whether fn, a function of the analyzed package,
// may close the file passed as its parameter i (receiver first), or keep
// it where something else may. Functions of other packages, and functions
// under analysis further up a recursion, may.
func (st *state) paramMayClose(fn *ssa.Function, i int) bool {
	if fn == nil {
		return true
	}
	if o := fn.Origin(); o != nil {
		fn = o // the generic body
	}
	if fn.Pkg == nil || fn.Pkg.Pkg != st.pass.Pkg || len(fn.Blocks) == 0 || i >= len(fn.Params) {
		return true
	}
	key := paramKey{fn, i}
	if r, ok := st.closers[key]; ok {
		return r
	}
	st.closers[key] = true // while in progress: a recursive call may close it
	r := newFuncState(st, fn).trackHandle(fn.Params[i]).mayClose()
	st.closers[key] = r
	return r
}

// paramKey names one parameter of one function.
type paramKey struct {
	fn *ssa.Function
	i  int
}

// neverReturns reports whether fn, a function of the analyzed package,
// reaches no return: every path ends in a panic or a call that never
// returns. A function that recovers may return.
func (st *state) neverReturns(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if len(fn.Blocks) == 0 || fn.Recover != nil {
		return false
	}
	if r, ok := st.exits[fn]; ok {
		return r
	}
	st.exits[fn] = false // while in progress: assume it returns
	s := newFuncState(st, fn)
	r := true
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 && r {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.noReturn[b] {
			continue
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			r = false
		}
		for _, succ := range b.Succs {
			if !seen[succ] {
				seen[succ] = true
				stack = append(stack, succ)
			}
		}
	}
	st.exits[fn] = r
	return r
}
