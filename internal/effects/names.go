package effects

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// Class is how another local user can know a part of a name in advance.
// A larger value is the more telling reason, and names the category when
// a name has several predictable parts.
type Class uint8

const (
	ClassNone     Class = iota // not known to be predictable
	ClassConstant              // written in the program
	ClassUser                  // the user's id or name
	ClassCounter               // a counter that starts at a known value
	ClassTime                  // the current time, to the second or millisecond
	ClassPid                   // the process id
)

// String is the adjective a fact string uses for the class.
func (c Class) String() string {
	switch c {
	case ClassConstant:
		return "fixed"
	case ClassUser:
		return "user"
	case ClassCounter:
		return "counter"
	case ClassTime:
		return "time"
	case ClassPid:
		return "pid"
	}
	return "unknown"
}

// SegKind is the kind of one piece of a path expression.
type SegKind uint8

const (
	SegLit     SegKind = iota // literal text
	SegRoot                   // the shared temporary directory: os.TempDir()
	SegRootEnv                // $TMPDIR, which is often unset: a root only with a fallback
	SegPred                   // a value another user can predict
	SegParam                  // a parameter of the function (for summaries)
)

// Segment is one piece of a path expression. A path is the concatenation
// of its segments; filepath.Join contributes "/" literals.
type Segment struct {
	Kind  SegKind
	Text  string        // SegLit
	Cls   Class         // SegPred
	Param int           // SegParam: index among the function's parameters
	Owner *ssa.Function // SegParam: the function the parameter belongs to
	Src   token.Pos     // SegPred: the call that yields the value, if known
}

// Lit returns a literal segment.
func Lit(s string) Segment { return Segment{Kind: SegLit, Text: s} }

// Pred returns a predictable segment of class c that comes from src.
func Pred(c Class, src token.Pos) Segment { return Segment{Kind: SegPred, Cls: c, Src: src} }

// maxEvalDepth bounds the recursion of the evaluator.
const maxEvalDepth = 16

// Evaluator computes what path expressions are made of. One evaluator
// serves one package: it knows the package's globals.
type Evaluator struct {
	globals map[*ssa.Global]*globalInfo
	onStack map[ssa.Value]bool
	paths   *pathflow.Model // the analyzed code's cleaners (Result.Paths), or nil
}

// globalInfo is what the package does with one of its variables.
type globalInfo struct {
	stores []*ssa.Store
	escape bool // its address is used other than by loads and stores
}

// newEvaluator returns an evaluator for the package whose functions are
// funcs, after recording how they store to the package's variables (with
// the instructions for which keep, if not nil, is true).
func newEvaluator(funcs []*ssa.Function, keep func(ssa.Instruction) bool) *Evaluator {
	e := &Evaluator{globals: make(map[*ssa.Global]*globalInfo), onStack: make(map[ssa.Value]bool)}
	info := func(g *ssa.Global) *globalInfo {
		gi := e.globals[g]
		if gi == nil {
			gi = new(globalInfo)
			e.globals[g] = gi
		}
		return gi
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if keep != nil && !keep(instr) {
					continue
				}
				if st, ok := instr.(*ssa.Store); ok {
					if g, ok := st.Addr.(*ssa.Global); ok {
						info(g).stores = append(info(g).stores, st)
						if g2, ok := st.Val.(*ssa.Global); ok {
							info(g2).escape = true
						}
						continue
					}
				}
				if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL {
					continue // a load
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if g, ok := (*op).(*ssa.Global); ok {
						info(g).escape = true
					}
				}
			}
		}
	}
	return e
}

// Segments returns the pieces v is made of, or ok == false when some part
// of v is not understood (and so may be unpredictable).
func (e *Evaluator) Segments(v ssa.Value) ([]Segment, bool) {
	return e.eval(v, 0)
}

// eval is Segments with a recursion depth.
func (e *Evaluator) eval(v ssa.Value, depth int) ([]Segment, bool) {
	if v == nil || depth > maxEvalDepth {
		return nil, false
	}
	depth++
	switch v := v.(type) {
	case *ssa.Const:
		return constSegments(v)
	case *ssa.Parameter:
		return []Segment{{Kind: SegParam, Param: ssakit.ParamIndex(v.Parent(), v), Owner: v.Parent()}}, ssakit.ParamIndex(v.Parent(), v) >= 0
	case *ssa.MakeInterface:
		return e.eval(v.X, depth)
	case *ssa.ChangeType:
		return e.eval(v.X, depth)
	case *ssa.Convert:
		if ssakit.IsString(v.Type()) && !ssakit.IsString(v.X.Type()) {
			return nil, false // string(rune) or string(bytes)
		}
		return e.eval(v.X, depth)
	case *ssa.BinOp:
		return e.binOp(v, depth)
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			return e.load(v, depth)
		case token.SUB, token.XOR:
			return e.scalar(v.X, depth)
		}
		return nil, false
	case *ssa.Slice:
		if !ssakit.IsString(v.Type()) {
			return nil, false
		}
		return e.scalar(v.X, depth)
	case *ssa.Extract:
		if a := e.paths.CleanerArg(v); a != nil {
			return e.eval(a, depth) // a cleaned or validated form of a
		}
		return e.extract(v, depth)
	case *ssa.Call:
		if a := e.paths.CleanerArg(v); a != nil {
			return e.eval(a, depth)
		}
		return e.call(v, depth)
	case *ssa.Phi:
		return e.phi(v, depth)
	}
	return nil, false
}

// constSegments returns a string or integer constant as literal text.
func constSegments(c *ssa.Const) ([]Segment, bool) {
	if c.Value == nil {
		return nil, false
	}
	switch c.Value.Kind() {
	case constant.String:
		return []Segment{Lit(constant.StringVal(c.Value))}, true
	case constant.Int:
		return []Segment{Lit(c.Value.ExactString())}, true
	}
	return nil, false
}

// scalar evaluates v as an opaque part of a name: its class, if it is
// predictable.
func (e *Evaluator) scalar(v ssa.Value, depth int) ([]Segment, bool) {
	segs, ok := e.eval(v, depth)
	if !ok {
		return nil, false
	}
	return opaque(segs)
}

// opaque turns segments into one predictable piece, when every part is a
// literal or predictable (no directory, no parameter).
func opaque(segs []Segment) ([]Segment, bool) {
	cls := ClassConstant
	var src token.Pos
	for _, s := range segs {
		switch s.Kind {
		case SegLit:
		case SegPred:
			if s.Cls > cls {
				cls, src = s.Cls, s.Src
			}
		default:
			return nil, false
		}
	}
	return []Segment{Pred(cls, src)}, true
}

// binOp evaluates string concatenation piece by piece, and arithmetic on
// predictable integers as one predictable piece.
func (e *Evaluator) binOp(v *ssa.BinOp, depth int) ([]Segment, bool) {
	if v.Op == token.ADD && ssakit.IsString(v.Type()) {
		x, ok := e.eval(v.X, depth)
		if !ok {
			return nil, false
		}
		y, ok := e.eval(v.Y, depth)
		if !ok {
			return nil, false
		}
		return append(append([]Segment(nil), x...), y...), true
	}
	switch v.Op {
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.SHL, token.SHR, token.AND_NOT:
	default:
		return nil, false // comparisons are not names
	}
	x, ok := e.scalar(v.X, depth)
	if !ok {
		return nil, false
	}
	y, ok := e.scalar(v.Y, depth)
	if !ok {
		return nil, false
	}
	return opaque(append(x, y...))
}

// load evaluates a load from a variable: a package-level variable stored
// once (its initializer), a local captured by a closure and stored once,
// or a field of the user.Current() result.
func (e *Evaluator) load(v *ssa.UnOp, depth int) ([]Segment, bool) {
	switch addr := v.X.(type) {
	case *ssa.Global:
		return e.global(addr, depth)
	case *ssa.Alloc, *ssa.FreeVar:
		if val := pathflow.StoredOnce(addr); val != nil {
			return e.eval(val, depth)
		}
	case *ssa.FieldAddr:
		if isUserCurrent(addr.X) {
			switch ssakit.FieldName(addr) {
			case "Username", "Uid", "Gid":
				return []Segment{Pred(ClassUser, v.Pos())}, true
			}
		}
	}
	return nil, false
}

// global evaluates a package-level variable: a string stored once (by its
// initializer), or an integer only ever set to constants and incremented,
// a counter.
func (e *Evaluator) global(g *ssa.Global, depth int) ([]Segment, bool) {
	gi := e.globals[g]
	if gi == nil || gi.escape {
		return nil, false
	}
	elem := g.Type().(*types.Pointer).Elem()
	if isInteger(elem) {
		steps := 0
		for _, st := range gi.stores {
			switch val := st.Val.(type) {
			case *ssa.Const:
			case *ssa.BinOp:
				if !isStep(val, func(x ssa.Value) bool { return isLoadOf(x, g) }) {
					return nil, false
				}
				steps++
			default:
				return nil, false
			}
		}
		if steps > 0 {
			return []Segment{Pred(ClassCounter, g.Pos())}, true
		}
		return nil, false
	}
	if len(gi.stores) != 1 || e.onStack[g] {
		return nil, false
	}
	e.onStack[g] = true
	defer delete(e.onStack, g)
	return e.eval(gi.stores[0].Val, depth)
}

// isLoadOf reports whether v loads from addr.
func isLoadOf(v ssa.Value, addr ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	return ok && u.Op == token.MUL && u.X == addr
}

// isStep reports whether v is x+c or x-c (or c+x) with a constant c, where
// x satisfies self.
func isStep(v *ssa.BinOp, self func(ssa.Value) bool) bool {
	if v.Op != token.ADD && v.Op != token.SUB {
		return false
	}
	_, xc := v.X.(*ssa.Const)
	_, yc := v.Y.(*ssa.Const)
	return self(v.X) && yc || v.Op == token.ADD && xc && self(v.Y)
}

// extract evaluates the first result of os.LookupEnv("TMPDIR") and of
// filepath.Abs.
func (e *Evaluator) extract(v *ssa.Extract, depth int) ([]Segment, bool) {
	call, ok := v.Tuple.(*ssa.Call)
	if !ok || v.Index != 0 {
		return nil, false
	}
	switch ssakit.QualifiedName(ssakit.Callee(&call.Call)) {
	case "os.LookupEnv":
		if isConstString(call.Call.Args[0], "TMPDIR") {
			return []Segment{{Kind: SegRootEnv}}, true
		}
	case "path/filepath.Abs":
		return e.eval(call.Call.Args[0], depth)
	}
	return nil, false
}

// call evaluates the calls that make or spell paths and names: the
// shared directory, process and user ids, the time, joins and formatting.
func (e *Evaluator) call(v *ssa.Call, depth int) ([]Segment, bool) {
	fn := ssakit.Callee(&v.Call)
	if fn == nil {
		return nil, false
	}
	args := v.Call.Args
	key := ssakit.QualifiedName(fn)
	switch key {
	case "os.TempDir":
		return []Segment{{Kind: SegRoot}}, true
	case "os.Getenv":
		switch {
		case isConstString(args[0], "TMPDIR"):
			return []Segment{{Kind: SegRootEnv}}, true
		case isConstString(args[0], "USER"), isConstString(args[0], "LOGNAME"), isConstString(args[0], "USERNAME"):
			return []Segment{Pred(ClassUser, v.Pos())}, true
		}
		return nil, false
	case "os.Getpid", "os.Getppid", "syscall.Getpid", "syscall.Getppid",
		"golang.org/x/sys/unix.Getpid", "golang.org/x/sys/unix.Getppid":
		return []Segment{Pred(ClassPid, v.Pos())}, true
	case "os.Getuid", "os.Geteuid", "os.Getgid", "os.Getegid",
		"syscall.Getuid", "syscall.Geteuid", "syscall.Getgid", "syscall.Getegid",
		"golang.org/x/sys/unix.Getuid", "golang.org/x/sys/unix.Geteuid",
		"golang.org/x/sys/unix.Getgid", "golang.org/x/sys/unix.Getegid":
		return []Segment{Pred(ClassUser, v.Pos())}, true
	case "path/filepath.Join", "path.Join":
		return e.join(args, depth)
	case "path/filepath.Clean", "path/filepath.FromSlash", "path/filepath.ToSlash", "path.Clean",
		"strings.ToLower", "strings.ToUpper", "strings.TrimSpace":
		return e.eval(args[0], depth)
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
		return e.scalar(args[0], depth)
	case "fmt.Sprintf":
		return e.sprintf(args, depth)
	case "fmt.Sprint":
		return e.sprint(args, depth)
	case "sync/atomic.AddInt32", "sync/atomic.AddInt64", "sync/atomic.AddUint32", "sync/atomic.AddUint64",
		"sync/atomic.Int32.Add", "sync/atomic.Int64.Add", "sync/atomic.Uint32.Add", "sync/atomic.Uint64.Add":
		if _, ok := args[1].(*ssa.Const); ok {
			return []Segment{Pred(ClassCounter, v.Pos())}, true
		}
		return nil, false
	}
	if strings.HasPrefix(key, "time.Time.") && len(args) > 0 && isNow(args[0], 0) {
		switch fn.Name() {
		case "Unix", "UnixMilli", "String", "Year", "YearDay", "Month", "Day", "Weekday",
			"Hour", "Minute", "Second", "Date", "Clock":
			return []Segment{Pred(ClassTime, v.Pos())}, true
		case "Format":
			if layout, ok := args[1].(*ssa.Const); ok && layout.Value != nil && layout.Value.Kind() == constant.String {
				l := constant.StringVal(layout.Value)
				if !strings.Contains(l, "0000") && !strings.Contains(l, "9999") { // no micro- or nanoseconds
					return []Segment{Pred(ClassTime, v.Pos())}, true
				}
			}
		}
	}
	return nil, false
}

// isNow reports whether v is the current time: time.Now(), or a time.Time
// method that returns a time computed from it (UTC, Local, Truncate).
func isNow(v ssa.Value, depth int) bool {
	call, ok := v.(*ssa.Call)
	if !ok || depth > 4 {
		return false
	}
	key := ssakit.QualifiedName(ssakit.Callee(&call.Call))
	switch key {
	case "time.Now":
		return true
	case "time.Time.UTC", "time.Time.Local", "time.Time.In", "time.Time.Truncate", "time.Time.Round":
		return isNow(call.Call.Args[0], depth+1)
	}
	return false
}

// join evaluates filepath.Join(elems...): the elements with "/" between
// them; empty constant elements are skipped, as Join does.
func (e *Evaluator) join(args []ssa.Value, depth int) ([]Segment, bool) {
	if len(args) != 1 {
		return nil, false
	}
	elems, ok := pathflow.VarargElems(args[0])
	if !ok {
		return nil, false
	}
	var out []Segment
	for _, el := range elems {
		if c, ok := el.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == "" {
			continue
		}
		segs, ok := e.eval(el, depth)
		if !ok {
			return nil, false
		}
		if len(out) > 0 {
			out = append(out, Lit("/"))
		}
		out = append(out, segs...)
	}
	return out, len(out) > 0
}

// sprintf evaluates fmt.Sprintf with a constant format: literal text and
// the formatted arguments. Constant arguments are formatted exactly;
// strings under a plain %s or %v are spliced in; anything else becomes an
// opaque predictable piece, or makes the whole unknown.
func (e *Evaluator) sprintf(args []ssa.Value, depth int) ([]Segment, bool) {
	if len(args) != 2 {
		return nil, false
	}
	format, ok := args[0].(*ssa.Const)
	if !ok || format.Value == nil || format.Value.Kind() != constant.String {
		return nil, false
	}
	operands, ok := varargs(args[1])
	if !ok {
		return nil, false
	}
	f := constant.StringVal(format.Value)
	var out []Segment
	next := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			out = append(out, Lit(f[i:i+1]))
			continue
		}
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.", f[j]) >= 0 {
			j++
		}
		if j >= len(f) || f[j] == '*' || f[j] == '[' {
			return nil, false
		}
		spec, verb := f[i:j+1], f[j]
		i = j
		if verb == '%' {
			out = append(out, Lit("%"))
			continue
		}
		if next >= len(operands) {
			return nil, false
		}
		arg := operands[next]
		next++
		if mi, ok := arg.(*ssa.MakeInterface); ok {
			arg = mi.X
		}
		if c, ok := arg.(*ssa.Const); ok && c.Value != nil {
			if val, ok := goValue(c); ok {
				out = append(out, Lit(fmt.Sprintf(spec, val)))
				continue
			}
			return nil, false
		}
		segs, ok := e.eval(arg, depth)
		if !ok {
			return nil, false
		}
		if (spec == "%s" || spec == "%v") && ssakit.IsString(arg.Type()) {
			out = append(out, segs...)
			continue
		}
		piece, ok := opaque(segs)
		if !ok {
			return nil, false
		}
		out = append(out, piece...)
	}
	return out, next == len(operands)
}

// sprint evaluates fmt.Sprint: operands concatenated, with a space between
// two operands when neither is a string.
func (e *Evaluator) sprint(args []ssa.Value, depth int) ([]Segment, bool) {
	if len(args) != 1 {
		return nil, false
	}
	operands, ok := varargs(args[0])
	if !ok {
		return nil, false
	}
	var out []Segment
	prevString := true
	for i, arg := range operands {
		if mi, ok := arg.(*ssa.MakeInterface); ok {
			arg = mi.X
		}
		str := ssakit.IsString(arg.Type())
		if i > 0 && !str && !prevString {
			out = append(out, Lit(" "))
		}
		prevString = str
		segs, ok := e.eval(arg, depth)
		if !ok {
			return nil, false
		}
		if !str {
			if segs, ok = opaque(segs); !ok {
				return nil, false
			}
		}
		out = append(out, segs...)
	}
	return out, true
}

// varargs returns the operands of a variadic call's ...any argument; a nil
// slice (no operands) is an empty list.
func varargs(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil, true
	}
	return pathflow.VarargElems(v)
}

// goValue returns a constant as the Go value fmt would format.
func goValue(c *ssa.Const) (any, bool) {
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value), true
	case constant.Int:
		if i, ok := constant.Int64Val(c.Value); ok {
			return i, true
		}
	case constant.Bool:
		return constant.BoolVal(c.Value), true
	}
	return nil, false
}

// phi evaluates a merge of values: a loop counter (a constant start, a
// constant step), the $TMPDIR-with-fallback idiom, the same pieces on
// every edge, or predictable pieces on every edge.
func (e *Evaluator) phi(v *ssa.Phi, depth int) ([]Segment, bool) {
	if isInteger(v.Type()) && isCounter(v) {
		return []Segment{Pred(ClassCounter, v.Pos())}, true
	}
	if e.onStack[v] {
		return nil, false
	}
	e.onStack[v] = true
	defer delete(e.onStack, v)
	edges := make([][]Segment, len(v.Edges))
	for i, edge := range v.Edges {
		segs, ok := e.eval(edge, depth)
		if !ok {
			return nil, false
		}
		edges[i] = segs
	}
	allRoots, sawRoot := true, false
	for _, segs := range edges {
		switch {
		case len(segs) == 1 && segs[0].Kind == SegRoot:
			sawRoot = true
		case len(segs) == 1 && segs[0].Kind == SegLit && pathflow.IsSharedDir(segs[0].Text):
			sawRoot = true
		case len(segs) == 1 && segs[0].Kind == SegRootEnv:
		default:
			allRoots = false
		}
	}
	if allRoots && sawRoot {
		return []Segment{{Kind: SegRoot}}, true
	}
	same := true
	for _, segs := range edges[1:] {
		same = same && EqualSegments(segs, edges[0])
	}
	if same && len(edges) > 0 {
		return edges[0], true
	}
	var all []Segment
	for _, segs := range edges {
		all = append(all, segs...)
	}
	return opaque(all)
}

// isCounter reports whether an integer phi starts from constants and
// moves by constant steps: a loop index.
func isCounter(v *ssa.Phi) bool {
	steps := 0
	for _, edge := range v.Edges {
		switch edge := edge.(type) {
		case *ssa.Const:
		case *ssa.BinOp:
			if !isStep(edge, func(x ssa.Value) bool { return x == v }) {
				return false
			}
			steps++
		default:
			return false
		}
	}
	return steps > 0
}

// EqualSegments reports whether two segment lists are the same pieces
// (where a predictable piece comes from does not matter).
func EqualSegments(a, b []Segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Text != b[i].Text || a[i].Cls != b[i].Cls ||
			a[i].Param != b[i].Param || a[i].Owner != b[i].Owner {
			return false
		}
	}
	return true
}

// isUserCurrent reports whether v is the *user.User of user.Current().
func isUserCurrent(v ssa.Value) bool {
	ext, ok := v.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return false
	}
	call, ok := ext.Tuple.(*ssa.Call)
	return ok && ssakit.QualifiedName(ssakit.Callee(&call.Call)) == "os/user.Current"
}

// isConstString reports whether v is the string constant s.
func isConstString(v ssa.Value, s string) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == s
}

// isInteger reports whether t is an integer type.
func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
