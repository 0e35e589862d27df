package partialwrite

import (
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// A contentFlow is the set of values of one function that carry what a
// read returned: the read's own results, everything computed from them,
// memory they were stored into or that a call given them may have filled
// (json.Unmarshal(data, &cfg) fills cfg), and loads from that memory.
//
// It is flow-insensitive within the function (memory once filled counts
// as filled everywhere) and stops at the function's boundary; callers
// order the read before the write themselves.
type contentFlow struct {
	carries map[ssa.Value]bool
	// fills are, for a local variable, the instructions that may have put
	// content into it: a variable overwritten whole with other content
	// after them no longer holds it (cfg = defaults()).
	fills map[*ssa.Alloc][]ssa.Instruction
}

// maxFlowRounds bounds the fixed-point iteration; real functions settle
// in two or three rounds.
const maxFlowRounds = 12

// newContentFlow computes the values of fn that carry the content of r.
func newContentFlow(fn *ssa.Function, r *readSite) *contentFlow {
	cf := &contentFlow{carries: make(map[ssa.Value]bool), fills: make(map[*ssa.Alloc][]ssa.Instruction)}
	for _, v := range r.content {
		cf.carries[v] = true
	}
	for _, v := range r.into {
		cf.markMemory(v, r.call)
	}
	for range maxFlowRounds {
		changed := false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if cf.step(instr) {
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return cf
}

// has reports whether v carries read content.
func (cf *contentFlow) has(v ssa.Value) bool { return v != nil && cf.carries[v] }

// step propagates content through one instruction and reports whether it
// marked anything new.
func (cf *contentFlow) step(instr ssa.Instruction) bool {
	switch i := instr.(type) {
	case *ssa.Store:
		if cf.has(i.Val) {
			return cf.markMemory(i.Addr, i)
		}
	case *ssa.MapUpdate:
		if cf.has(i.Key) || cf.has(i.Value) {
			return cf.markMemory(i.Map, i)
		}
	case *ssa.Send:
		if cf.has(i.X) {
			return cf.markMemory(i.Chan, i)
		}
	case ssa.CallInstruction:
		return cf.call(i)
	case ssa.Value:
		if cf.carries[i] || !carriesContent(i.Type()) {
			return false
		}
		if load, ok := i.(*ssa.UnOp); ok && load.Op == token.MUL && cf.variable(load.X) != nil {
			if cf.operandCarries(load.X, load) {
				cf.carries[i] = true
				return true
			}
			return false
		}
		var ops [8]*ssa.Value
		for _, op := range instr.Operands(ops[:0]) {
			if op != nil && cf.has(*op) {
				cf.carries[i] = true
				return true
			}
		}
	}
	return false
}

// call propagates content through a call: a call given content returns
// content, and may store it into the memory its other arguments point to.
func (cf *contentFlow) call(ci ssa.CallInstruction) bool {
	common := ci.Common()
	if b, ok := common.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
		return false // a length is not content
	}
	given := false
	for i, a := range callOperands(common) {
		if cf.operandCarries(a, ci) && !(i == 0 && fileMetaMethod(common)) {
			given = true
			break
		}
	}
	if !given {
		return false
	}
	changed := false
	if v := ci.Value(); v != nil && !cf.carries[v] && carriesContent(v.Type()) {
		cf.carries[v] = true
		changed = true
	}
	if !fillsArguments(common) {
		return changed
	}
	for i, a := range callOperands(common) {
		if fillsArgument(common, i, a) && cf.markMemory(a, ci) {
			changed = true
		}
	}
	return changed
}

// fillsArgument reports whether a call that fills its arguments may fill
// a, its operand i (as callOperands counts): a pointer (&cfg, a method's
// receiver) may be filled; a slice or map only by the functions that
// exist to fill one (copy's destination, Read, ReadFull, Decode). A
// []byte given to diff.Diff(old, new) is only read.
func fillsArgument(c *ssa.CallCommon, i int, a ssa.Value) bool {
	if mi, ok := a.(*ssa.MakeInterface); ok {
		a = mi.X
	}
	switch a.Type().Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	case *types.Slice, *types.Map:
		if b, ok := c.Value.(*ssa.Builtin); ok {
			return b.Name() == "copy" && i == 0
		}
		name := ""
		if c.IsInvoke() {
			name = c.Method.Name()
		} else if fn := ssakit.Callee(c); fn != nil {
			name = fn.Name()
		}
		switch name {
		case "Read", "ReadAt", "ReadFull", "ReadAtLeast", "Decode":
			return true
		}
	}
	return false
}

// fillsArguments reports whether a call given content may store it into
// the memory its arguments point to, as json.Unmarshal(data, &cfg),
// r.Read(buf) and copy(dst, src) do. Predicates and comparisons
// (bytes.Equal, reflect.DeepEqual, a user's sameConfig(a, b) bool), the
// functions of packages that only read their arguments, and the functions
// and methods of packages that only report them (testing, log) do not:
// the new content a program compares with the old, or logs beside it, is
// not computed from it.
func fillsArguments(c *ssa.CallCommon) bool {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return b.Name() == "copy"
	}
	res := c.Signature().Results()
	if res.Len() == 1 {
		if b, ok := res.At(0).Type().Underlying().(*types.Basic); ok && b.Info()&(types.IsBoolean|types.IsInteger) != 0 {
			return false
		}
	}
	fn := ssakit.Callee(c)
	if fn == nil || fn.Pkg() == nil {
		return true
	}
	switch fn.Pkg().Path() {
	case "testing", "log", "log/slog", "errors", "reflect", "strconv", "unicode/utf8",
		"path", "path/filepath", "cmp":
		return false // t.Logf("%s", data) reports data; it keeps nothing of it
	}
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
		return true // a method may fill its receiver (bytes.Buffer.Write)
	}
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.Contains(fn.Name(), "scan") // fmt.Sscanf fills its operands
	case "bytes", "strings":
		return false
	}
	return true
}

// callOperands returns the values a call passes: the receiver of an
// interface method call or a called function value first, then the
// arguments.
func callOperands(c *ssa.CallCommon) []ssa.Value {
	switch c.Value.(type) {
	case *ssa.Function, *ssa.Builtin:
		return c.Args
	}
	return append([]ssa.Value{c.Value}, c.Args...)
}

// fileMetaMethod reports whether c calls an *os.File method that does not
// read the file's content (Stat, Name, Fd, Close, Chmod…): its receiver
// carries nothing into the call.
func fileMetaMethod(c *ssa.CallCommon) bool {
	return fileMethodBesides(c, "Read", "ReadAt", "WriteTo", "ReadDir", "Readdir", "Readdirnames")
}

// fileMethodBesides reports whether c calls an *os.File method other
// than the named ones.
func fileMethodBesides(c *ssa.CallCommon, names ...string) bool {
	fn := ssakit.Callee(c)
	return fn != nil && isFileMethod(fn) && !slices.Contains(names, fn.Name())
}

// isFileMethod reports whether fn is a method of *os.File.
func isFileMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" {
		return false
	}
	p, ok := sig.Recv().Type().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Name() == "File"
}

// markMemory marks v and the memory it refers to, walking from an address
// to the variable it is part of: filling cfg.Field or buf[:n] fills cfg or
// buf. Globals are not marked: content stored in one is not followed. at
// is the instruction that fills it.
func (cf *contentFlow) markMemory(v ssa.Value, at ssa.Instruction) bool {
	changed := false
	for range 10 {
		if v == nil {
			break
		}
		switch x := v.(type) {
		case *ssa.Global, *ssa.Const, *ssa.Function:
			return changed
		case *ssa.Alloc:
			if !slices.Contains(cf.fills[x], at) {
				cf.fills[x] = append(cf.fills[x], at)
				changed = true
			}
		}
		if !cf.carries[v] {
			cf.carries[v] = true
			changed = true
		}
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return changed
			}
			v = x.X
		default:
			return changed
		}
	}
	return changed
}

// variable returns the local variable the address v is part of (through
// fields, elements, slices of an array and conversions), when content was
// put into it: reads of it are followed flow-sensitively.
func (cf *contentFlow) variable(v ssa.Value) *ssa.Alloc {
	for range 10 {
		switch x := v.(type) {
		case *ssa.Alloc:
			if len(cf.fills[x]) == 0 {
				return nil
			}
			return x
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			if _, ok := x.X.Type().Underlying().(*types.Pointer); !ok {
				return nil // an element of a slice: not this function's variable
			}
			v = x.X
		case *ssa.Slice:
			if _, ok := x.X.Type().Underlying().(*types.Pointer); !ok {
				return nil
			}
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// operandCarries reports whether the operand v of instruction at carries
// content there. An address of a local variable carries what was put into
// the variable only if some fill of it can reach at without the variable
// being overwritten whole with a value that carries none in between:
//
//	var cfg config
//	if data, err := os.ReadFile(p); err == nil && json.Unmarshal(data, &cfg) == nil {
//		return cfg
//	}
//	cfg = defaults() // what Unmarshal put into cfg is gone
//	out, _ := json.Marshal(&cfg)
//
// A struct variable is also overwritten whole field by field: content
// survives in a field only along a path that stores no content-free
// value into that field, so when every field of the struct is given such
// a value on every path from the fill (key.priv = fresh; key.id = newID),
// none survives.
func (cf *contentFlow) operandCarries(v ssa.Value, at ssa.Instruction) bool {
	a := cf.variable(v)
	if a == nil {
		return cf.has(v)
	}
	kills := map[ssa.Instruction]bool{}
	fieldKills := map[int][]ssa.Instruction{}
	for _, r := range *a.Referrers() {
		switch x := r.(type) {
		case *ssa.Store:
			if x.Addr == a && !cf.has(x.Val) {
				kills[x] = true
			}
		case *ssa.FieldAddr:
			for _, fr := range *x.Referrers() {
				if st, ok := fr.(*ssa.Store); ok && st.Addr == x && !cf.has(st.Val) {
					fieldKills[x.Field] = append(fieldKills[x.Field], st)
				}
			}
		}
	}
	st, _ := a.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
	wholeByFields := st != nil && st.NumFields() > 0 && len(fieldKills) == st.NumFields()
	for _, f := range cf.fills[a] {
		if f == at {
			return true
		}
		if !reachesAvoiding(f, at, kills) {
			continue
		}
		if !wholeByFields {
			return true
		}
		for _, stores := range fieldKills {
			avoid := maps.Clone(kills)
			for _, s := range stores {
				avoid[s] = true
			}
			if reachesAvoiding(f, at, avoid) {
				return true // this field keeps what the fill put there
			}
		}
	}
	return false
}

// carriesContent reports whether a value of type t can carry read content:
// errors and booleans describe a read, they do not hold what it read.
func carriesContent(t types.Type) bool {
	if ssakit.IsError(t) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return false
	}
	return true
}

// writesContent reports whether the write w writes content the flow
// carries: one of its data arguments carries it, or a call that writes to
// w's handle (directly or through a writer built on it: bufio.NewWriter,
// json.NewEncoder) is given it.
func (cf *contentFlow) writesContent(fn *ssa.Function, w *writeSite) bool {
	for _, d := range w.data {
		if cf.operandCarries(d, w.call) {
			return true
		}
	}
	if w.handle == nil {
		return false
	}
	handles := writersOn(fn, w.handle)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			ops := callOperands(ci.Common())
			throughHandle, given := false, false
			for _, a := range ops {
				if handles[a] {
					throughHandle = true
				} else if cf.operandCarries(a, ci) {
					given = true
				}
			}
			if throughHandle && given && !fileMethodBesides(ci.Common(), "Write", "WriteString", "WriteAt", "ReadFrom") {
				return true
			}
		}
	}
	return false
}

// writersOn returns h and the values of fn built on it: conversions to
// interfaces, and the results of calls given it (bufio.NewWriter(h)),
// except the results of h's own methods (h.Stat() is no writer).
func writersOn(fn *ssa.Function, h ssa.Value) map[ssa.Value]bool {
	set := map[ssa.Value]bool{h: true}
	for range maxFlowRounds {
		changed := false
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok || set[v] {
					continue
				}
				switch i := instr.(type) {
				case *ssa.MakeInterface:
					if set[i.X] {
						set[v], changed = true, true
					}
				case *ssa.ChangeType:
					if set[i.X] {
						set[v], changed = true, true
					}
				case *ssa.Call:
					if fn := ssakit.Callee(&i.Call); fn != nil && isFileMethod(fn) {
						continue
					}
					if !pointerLike(v.Type()) {
						continue
					}
					for _, a := range callOperands(&i.Call) {
						if set[a] {
							set[v], changed = true, true
							break
						}
					}
				}
			}
		}
		if !changed {
			break
		}
	}
	return set
}
