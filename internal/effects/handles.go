package effects

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/knowledge"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// Openers answers, for one run over one package, what the package's
// functions do with the *os.File handles they open: the opens
// (OpenSite), what a function does with a handle (OpenFlow.TrackHandle),
// whether it may close a handle it is passed, and whether it never
// returns. Its caches are its own: each run (effects', a check's) makes
// one, so that Result stays read-only once effects returned it.
type Openers struct {
	r       *Result
	pkg     *types.Package
	closers map[paramKey]bool      // whether a function may close a file parameter
	exits   map[*ssa.Function]bool // whether a function never returns
}

// NewOpeners returns the handle model of pkg, knowing the openers r
// summarized.
func (r *Result) NewOpeners(pkg *types.Package) *Openers {
	return &Openers{
		r:       r,
		pkg:     pkg,
		closers: make(map[paramKey]bool),
		exits:   make(map[*ssa.Function]bool),
	}
}

// A Handle is what one function does with the *os.File an open returned.
type Handle struct {
	Aliases map[ssa.Value]bool // the file, and values that hold it (conversions, phis, loads)
	// Closes are the calls that close the file, or may: f.Close(), an
	// io.Closer's Close, passing it to a function of the analyzed code,
	// calling a closure that captured it.
	Closes []ssa.Instruction
	// Deferred are deferred calls that close it, or may, when the
	// function returns.
	Deferred []ssa.Instruction
	Unsure   bool // it escapes into something that may close it at any time
	Escaped  bool // it is stored where other code can reach it (a field, a global)
	Statted  bool // the function stats the handle (f.Stat(), Fstat of f.Fd())
}

// MayClose reports whether anything in the function may close the file.
func (h *Handle) MayClose() bool {
	return len(h.Closes) > 0 || len(h.Deferred) > 0 || h.Unsure || h.Escaped
}

// OpenFlow holds what one function's questions about its handles share.
type OpenFlow struct {
	o        *Openers
	Fn       *ssa.Function
	Ifs      []*ssa.If
	NoReturn map[*ssa.BasicBlock]bool // blocks that call a function that never returns
	Index    map[ssa.Instruction]int  // each instruction's index in its block
	Br       pathflow.Branches        // stops at blocks in NoReturn
	handles  map[ssa.Value]*Handle
}

// NewOpenFlow indexes fn's instructions, its ifs and its blocks that
// call a function that never returns.
func (o *Openers) NewOpenFlow(fn *ssa.Function) *OpenFlow {
	s := &OpenFlow{
		o:        o,
		Fn:       fn,
		handles:  make(map[ssa.Value]*Handle),
		NoReturn: make(map[*ssa.BasicBlock]bool),
		Index:    make(map[ssa.Instruction]int),
	}
	s.Br.Stop = func(b *ssa.BasicBlock) bool { return s.NoReturn[b] }
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			s.Index[instr] = i
			if call, ok := instr.(*ssa.Call); ok && o.noReturnCall(&call.Call) {
				s.NoReturn[b] = true
			}
		}
		if n := len(b.Instrs); n > 0 {
			if i, ok := b.Instrs[n-1].(*ssa.If); ok {
				s.Ifs = append(s.Ifs, i)
			}
		}
	}
	return s
}

// TrackHandle follows the file an open returned through the function.
func (s *OpenFlow) TrackHandle(file ssa.Value) *Handle {
	if h, ok := s.handles[file]; ok {
		return h
	}
	h := &Handle{Aliases: map[ssa.Value]bool{file: true}}
	s.handles[file] = h
	work := []ssa.Value{file}
	escaped := false
	add := func(v ssa.Value) {
		if !h.Aliases[v] {
			h.Aliases[v] = true
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
				h.Closes = append(h.Closes, r) // the goroutine may close it at any time
			case *ssa.MakeClosure:
				h.closure(r)
			case *ssa.Send, *ssa.MapUpdate, *ssa.Slice, *ssa.IndexAddr, *ssa.FieldAddr:
				escaped = true
			}
		}
	}
	if escaped {
		h.Escaped = true
		s.escapedCloses(h)
	}
	return h
}

// call records what a call that receives the handle v does with it.
func (s *OpenFlow) call(h *Handle, instr ssa.Instruction, call *ssa.CallCommon, v ssa.Value, deferred bool) {
	record := func() {
		if deferred {
			h.Deferred = append(h.Deferred, instr)
		} else {
			h.Closes = append(h.Closes, instr)
		}
	}
	if call.IsInvoke() {
		switch {
		case call.Value == v && call.Method.Name() == "Close":
			record()
		case call.Value == v && call.Method.Name() == "Stat":
			h.Statted = true
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
	case IsFileMethod(fn) && len(call.Args) > 0 && call.Args[0] == v:
		switch fn.Name() {
		case "Close":
			record()
		case "Stat":
			h.Statted = true
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
			if a == v && s.o.paramMayClose(call.StaticCallee(), i) {
				record()
				return
			}
		}
	}
}

// descriptor follows the descriptor f.Fd() returned: syscall.Close and
// unix.Close close the file, Fstat stats it.
func (h *Handle) descriptor(fd *ssa.Call, deferred bool) {
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
				case (p == "syscall" || p == UnixPath) && fn.Name() == "Close":
					if _, isDefer := r.(*ssa.Defer); isDefer || deferred {
						h.Deferred = append(h.Deferred, r)
					} else {
						h.Closes = append(h.Closes, r)
					}
				case (p == "syscall" || p == UnixPath) && fn.Name() == "Fstat":
					h.Statted = true
				}
			}
		}
	}
	walk(fd, 0)
}

// closure records a closure that captured the handle: deferring it may
// close the file when the function returns, calling it may close the file
// there, and anything else may close it at any time.
func (h *Handle) closure(mc *ssa.MakeClosure) {
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Defer:
			if r.Call.Value == mc {
				h.Deferred = append(h.Deferred, r)
				continue
			}
			h.Unsure = true
		case *ssa.Call:
			if r.Call.Value == mc {
				h.Closes = append(h.Closes, r)
				continue
			}
			h.Unsure = true
		default:
			h.Unsure = true
		}
	}
}

// escapedCloses records, for a handle stored where other code can reach
// it (a field, a global), every call that may reach it there: functions
// of the analyzed code, function values, and Close methods.
func (s *OpenFlow) escapedCloses(h *Handle) {
	for _, b := range s.Fn.Blocks {
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
				may = !fsops.IsStd(fn.Pkg()) || (IsFileMethod(fn) && fn.Name() == "Close")
			}
			if !may {
				continue
			}
			switch ci.(type) {
			case *ssa.Call:
				h.Closes = append(h.Closes, instr)
			case *ssa.Defer:
				h.Deferred = append(h.Deferred, instr)
			case *ssa.Go:
				h.Closes = append(h.Closes, instr)
			}
		}
	}
}

// noReturnCall reports whether a call never returns to its caller: a
// function of internal/knowledge's exits table (os.Exit, runtime.Goexit,
// log.Fatal and log.Panic, zap's, logrus's, klog's and glog's Fatal, the
// testing methods that stop a test, on *testing.T or testing.TB), a
// function of the analyzed package that reaches no return (a fail helper
// that calls os.Exit), or a function of another package whose summary
// says it never returns (Fact.Ends).
func (o *Openers) noReturnCall(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		return knowledge.Exit(call.Method) != knowledge.Returns
	}
	fn := ssakit.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == o.pkg {
		return o.neverReturns(call.StaticCallee())
	}
	return knowledge.Exit(fn) != knowledge.Returns || o.r.importedEnding(fn) != knowledge.Returns
}

// Dominates reports whether a runs before b on every path to b.
func (s *OpenFlow) Dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	return s.Index[a] < s.Index[b]
}

// Succeeded reports whether at runs only where o's open succeeded: a
// branch on its error (err == nil, err != nil) or on its file (f != nil)
// decides whether at runs, and at is on the success side.
func (s *OpenFlow) Succeeded(o *OpenSite, at *ssa.BasicBlock) bool {
	if o.AlwaysOpen {
		return true
	}
	ok := false
	for _, i := range s.Ifs {
		success := o.successEdge(i.Cond)
		if success < 0 {
			continue
		}
		edge := s.Br.Decider(i.Block(), at)
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
func (o *OpenSite) successEdge(cond ssa.Value) int {
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
	case o.Err != nil && x == o.Err:
		eqMeansSuccess = true // err == nil
	case o.File != nil && x == o.File:
		eqMeansSuccess = false // f == nil
	default:
		return -1
	}
	if (cmp.Op == token.EQL) == eqMeansSuccess {
		return 0
	}
	return 1
}

// ReachesInstr reports whether b can run after a: later in a's block, or
// in a block reachable from it.
func (s *OpenFlow) ReachesInstr(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb && s.Index[a] < s.Index[b] {
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
func (o *Openers) paramMayClose(fn *ssa.Function, i int) bool {
	if fn == nil {
		return true
	}
	if orig := fn.Origin(); orig != nil {
		fn = orig // the generic body
	}
	if fn.Pkg == nil || fn.Pkg.Pkg != o.pkg || len(fn.Blocks) == 0 || i >= len(fn.Params) {
		return true
	}
	key := paramKey{fn, i}
	if r, ok := o.closers[key]; ok {
		return r
	}
	o.closers[key] = true // while in progress: a recursive call may close it
	r := o.NewOpenFlow(fn).TrackHandle(fn.Params[i]).MayClose()
	o.closers[key] = r
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
func (o *Openers) neverReturns(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if orig := fn.Origin(); orig != nil {
		fn = orig
	}
	if len(fn.Blocks) == 0 || fn.Recover != nil {
		return false
	}
	if r, ok := o.exits[fn]; ok {
		return r
	}
	o.exits[fn] = false // while in progress: assume it returns
	s := o.NewOpenFlow(fn)
	r := true
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 && r {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.NoReturn[b] {
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
	o.exits[fn] = r
	return r
}
