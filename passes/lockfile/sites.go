package lockfile

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// A lockPath names a lock file: a path value, or a field of a value that
// holds the path (a lock type's path field, acquired through a method).
type lockPath struct {
	base   ssa.Value
	field  *types.Var // nil when base is the path itself
	handle ssa.Value  // the *os.File of the create, whose Name() is the path too
}

// matches reports whether v names the same lock file, in the same
// function.
func (p lockPath) matches(v ssa.Value) bool {
	if p.handle != nil && fileNameOf(v) == p.handle {
		return true
	}
	if p.field == nil {
		return pathflow.SamePath(v, p.base)
	}
	x, f := fieldOf(v)
	return f != nil && sameField(f, p.field) && pathflow.SamePath(x, p.base)
}

// matchesRef reports whether the argument arg, of which a callee's fact
// names field (or arg itself, for ""), is this lock file.
func (p lockPath) matchesRef(arg ssa.Value, field string) bool {
	if field == "" {
		return p.matches(arg)
	}
	if p.field != nil {
		return p.field.Name() == field && pathflow.SamePath(arg, p.base)
	}
	x, f := fieldOf(p.base)
	return f != nil && f.Name() == field && pathflow.SamePath(x, arg)
}

// fileNameOf returns f when v is f.Name() for an *os.File f, or nil.
func fileNameOf(v ssa.Value) ssa.Value {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return nil
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Name() != "Name" || fn.Pkg() == nil || fn.Pkg().Path() != "os" {
		return nil
	}
	return call.Call.Args[0]
}

// fieldOf returns x and the field f when v is a load of x.f (x a pointer)
// or the field x.f of a struct value.
func fieldOf(v ssa.Value) (ssa.Value, *types.Var) {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return fa.X, structField(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return v.X, structField(v.X.Type(), v.Field)
	}
	return nil, nil
}

// structField returns field i of the struct t is, or points to.
func structField(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// fieldNamed returns the field of t's struct (or pointed-to struct) named
// name, or nil.
func fieldNamed(t types.Type, name string) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range s.NumFields() {
		if s.Field(i).Name() == name {
			return s.Field(i)
		}
	}
	return nil
}

// sameField reports whether two fields are one, also across
// instantiations of a generic type.
func sameField(a, b *types.Var) bool { return a == b || a.Origin() == b.Origin() }

// A site is one acquisition of a lock file: an exclusive create, a link
// to a fresh name, or a call of an acquiring function of the analyzed code.
type site struct {
	call    *ssa.Call
	callee  *types.Func
	path    lockPath
	arg     int    // the index among the call's arguments of the path, or of the value whose field it is
	field   string // the field of that argument, for acquiring methods of lock types
	err     ssa.Value
	ok      ssa.Value // true when acquired (acquiring functions only)
	handle  ssa.Value // the *os.File or file descriptor of the lock file
	release ssa.Value // the release function an acquiring function returns
	direct  bool      // a table operation, not a function of the analyzed code
	opaque  bool      // its error, when the lock is held, names no file
}

// acquisitions returns the lock acquisitions of fn, in instruction order.
func (st *state) acquisitions(fn *ssa.Function) []*site {
	var sites []*site
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee == nil {
				continue
			}
			if s := st.acquisition(call, callee); s != nil {
				sites = append(sites, s)
			}
		}
	}
	return sites
}

// removedBefore reports whether the path of a direct exclusive create is
// removed on every path to it: os.Remove(p) then os.OpenFile(p, O_EXCL) is
// a staging file made fresh for an update, not a lock, since no acquirer
// removes a lock before acquiring it (stale-lock recovery removes it only
// when the create failed, which does not run on every path to the create).
func (st *state) removedBefore(fn *ssa.Function, s *site) bool {
	for _, b := range fn.Blocks {
		if !b.Dominates(s.call.Block()) {
			continue
		}
		for _, instr := range b.Instrs {
			if instr == s.call {
				break
			}
			if call, ok := instr.(*ssa.Call); ok && st.releases(call, s.path, nil, nil, 0) {
				return true
			}
		}
	}
	return false
}

// acquisition returns the site of call when it acquires a lock file.
func (st *state) acquisition(call *ssa.Call, callee *types.Func) *site {
	args := call.Call.Args
	if entry, ok := fsops.Lookup(callee); ok {
		for _, pa := range entry.Paths {
			if pa.Index >= len(args) {
				continue
			}
			op := fsops.Classify(pa, &call.Call, callee)
			// A hard link to a fresh name is a lock (not even root can make
			// one over an existing name); a symbolic link is most often
			// just a link.
			isLink := op == fsops.OpLinkNew && callee.Name() == "Link"
			if op != fsops.OpExclCreate && !isLink {
				continue
			}
			s := &site{call: call, callee: callee, path: lockPath{base: args[pa.Index]}, arg: pa.Index, direct: true}
			res := ssakit.Results(call)
			switch len(res) {
			case 1: // os.Link, syscall.Link: error
				s.err = res[0]
			case 2: // os.OpenFile (*File, error), syscall.Open (fd int, error)
				s.handle, s.err = res[0], res[1]
			}
			s.opaque = callee.Pkg().Path() != "os" // syscall and x/sys/unix return bare errnos
			if callee.Pkg().Path() == "os" {
				s.path.handle = s.handle
			}
			return s
		}
		return nil
	}
	f := st.factOf(callee)
	if f == nil || f.Acquire == nil {
		return nil
	}
	a := f.Acquire
	if a.Path.Param >= len(args) {
		return nil
	}
	s := &site{call: call, callee: callee, arg: a.Path.Param, field: a.Path.Field, opaque: a.OpaqueHeld}
	base := args[a.Path.Param]
	s.path = lockPath{base: base}
	if a.Path.Field != "" {
		s.path.field = fieldNamed(base.Type(), a.Path.Field)
		if s.path.field == nil {
			return nil
		}
	}
	res := ssakit.Results(call)
	at := func(i int) ssa.Value {
		if i >= 0 && i < len(res) {
			return res[i]
		}
		return nil
	}
	s.ok, s.err, s.release, s.handle = at(a.Ok), at(a.Err), at(a.ReleaseFunc), at(a.Handle)
	if a.Ok >= 0 && s.ok == nil || a.Ok < 0 && s.err == nil {
		return nil // the result that says whether it acquired is dropped
	}
	return s
}

// globalPath reports whether a path is the same in every function of the
// package: a constant, a package-level variable, or a pure computation of
// these.
func globalPath(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Global:
		return true
	case *ssa.UnOp:
		return v.Op == token.MUL && globalPath(v.X)
	case *ssa.BinOp:
		return globalPath(v.X) && globalPath(v.Y)
	}
	return false
}

// closureEnv maps the free variables of a function literal to the values
// they capture in the function that makes it.
type closureEnv struct {
	fn       *ssa.Function
	bindings []ssa.Value
}

// outer returns the value of the enclosing function that v stands for, or
// v itself (constants and globals are the same in both).
func (env *closureEnv) outer(v ssa.Value) ssa.Value {
	if env == nil {
		return v
	}
	if fv, ok := v.(*ssa.FreeVar); ok {
		for i, x := range env.fn.FreeVars {
			if x == fv && i < len(env.bindings) {
				return env.bindings[i]
			}
		}
	}
	return v
}

// matchesIn reports whether v, a value of env's function (or of the
// enclosing function itself when env is nil), names p's lock file.
func (p lockPath) matchesIn(v ssa.Value, env *closureEnv) bool {
	if env == nil {
		return p.matches(v)
	}
	if p.matches(env.outer(v)) {
		return true
	}
	if f := fileNameOf(v); f != nil && p.handle != nil && env.outer(f) == p.handle {
		return true
	}
	// A captured variable that is reassigned somewhere is captured by
	// address: v is *fv, and the path a load of the same variable.
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if addr := env.outer(u.X); addr != u.X {
			if pu, ok := p.base.(*ssa.UnOp); ok && pu.Op == token.MUL && pu.X == addr && p.field == nil {
				return true
			}
		}
	}
	// x.f of a captured x.
	if x, f := fieldOf(v); f != nil && p.field != nil && sameField(f, p.field) {
		return pathflow.SamePath(env.outer(x), p.base)
	}
	if x, f := fieldOf(v); f != nil && p.field == nil {
		if px, pf := fieldOf(p.base); pf != nil && sameField(f, pf) {
			return pathflow.SamePath(env.outer(x), px)
		}
	}
	return false
}

// releaseOp reports whether a table operation releases a lock file: it
// removes the name, or renames it away.
func releaseOp(op fsops.Op) bool {
	return op == fsops.OpRemove || op == fsops.OpRemoveAll || op == fsops.OpRenameSrc
}

// renamesAway reports whether the call instruction renames p's file
// away (a table rename whose source is the path or f.Name() of its
// handle): what an atomic write does with its staging file, never what a
// holder does with its lock.
func renamesAway(ci ssa.CallInstruction, p lockPath) bool {
	common := ci.Common()
	callee := ssakit.Callee(common)
	if callee == nil || common.IsInvoke() {
		return false
	}
	entry, ok := fsops.Lookup(callee)
	if !ok {
		return false
	}
	for _, pa := range entry.Paths {
		if pa.Index < len(common.Args) && fsops.Classify(pa, common, callee) == fsops.OpRenameSrc &&
			p.matches(common.Args[pa.Index]) {
			return true
		}
	}
	return false
}

// releases reports whether the call instruction (a call or a defer)
// removes p's lock file: a remove or rename of the path, a function of
// the analyzed code that removes it, a function literal that does one of
// these, or the release function an acquiring function returned.
func (st *state) releases(ci ssa.CallInstruction, p lockPath, s *site, env *closureEnv, depth int) bool {
	common := ci.Common()
	if common.IsInvoke() {
		return false
	}
	if s != nil && s.release != nil && env == nil && carriesValue(common.Value, s.release, 0) {
		return true
	}
	if callee := ssakit.Callee(common); callee != nil {
		if entry, ok := fsops.Lookup(callee); ok {
			for _, pa := range entry.Paths {
				if pa.Index < len(common.Args) && releaseOp(fsops.Classify(pa, common, callee)) &&
					p.matchesIn(common.Args[pa.Index], env) {
					return true
				}
			}
			return false
		}
		if f := st.factOf(callee); f != nil {
			for _, r := range f.Release {
				if r.Param < len(common.Args) && p.matchesRefIn(common.Args[r.Param], r.Field, env) {
					return true
				}
			}
		}
		// A function of this package may remove a path it names itself: a
		// package-level variable or constant (func unlock() { os.Remove(lockPath) }).
		if body := common.StaticCallee(); body != nil && callee.Pkg() == st.pass.Pkg && env == nil && depth == 0 &&
			len(body.FreeVars) == 0 && globalPath(p.base) {
			return st.bodyReleases(body, nil, p, depth+2)
		}
		return false // a named function: its table entry or summary said all
	}
	if depth > 2 {
		return false
	}
	fn, inner := st.literal(common.Value, env)
	return fn != nil && st.bodyReleases(fn, inner, p, depth+1)
}

// matchesRefIn is matchesRef seen from inside env's function.
func (p lockPath) matchesRefIn(arg ssa.Value, field string, env *closureEnv) bool {
	if field == "" {
		return p.matchesIn(arg, env)
	}
	return p.matchesRef(env.outer(arg), field)
}

// literal resolves a called value to a function literal and the values
// its free variables capture, expressed in the enclosing function.
func (st *state) literal(v ssa.Value, env *closureEnv) (*ssa.Function, *closureEnv) {
	v = env.outer(v)
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if a, ok := u.X.(*ssa.Alloc); ok {
			v = pathflow.StoredOnce(a)
		}
	}
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		if fn == nil {
			return nil, nil
		}
		return fn, &closureEnv{fn: fn, bindings: v.Bindings}
	case *ssa.Function:
		if v.Parent() != nil {
			return v, &closureEnv{fn: v}
		}
	}
	return nil, nil
}

// bodyReleases reports whether a function literal removes p's lock file
// (anywhere in its body: a release that depends on a condition is still
// the literal's purpose).
func (st *state) bodyReleases(fn *ssa.Function, env *closureEnv, p lockPath, depth int) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok && st.releases(ci, p, nil, env, depth) {
				return true
			}
		}
	}
	return false
}

// releasingClosures returns the function literals made in fn that remove
// p's lock file.
func (st *state) releasingClosures(fn *ssa.Function, p lockPath) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				if lit, env := st.literal(mc, nil); lit != nil && st.bodyReleases(lit, env, p, 1) {
					out = append(out, mc)
				}
			}
		}
	}
	return out
}

// carriesValue reports whether v is t, or t converted, loaded back from
// a local variable, or merged by a phi.
func carriesValue(v, t ssa.Value, depth int) bool {
	if v == t {
		return true
	}
	if depth > 6 || v == nil {
		return false
	}
	depth++
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return carriesValue(v.X, t, depth)
	case *ssa.ChangeType:
		return carriesValue(v.X, t, depth)
	case *ssa.ChangeInterface:
		return carriesValue(v.X, t, depth)
	case *ssa.Convert:
		return carriesValue(v.X, t, depth)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if carriesValue(e, t, depth) {
				return true
			}
		}
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			for _, r := range *a.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == a && carriesValue(s.Val, t, depth) {
					return true
				}
			}
		}
	case *ssa.MakeClosure:
		for _, b := range v.Bindings {
			if carriesValue(b, t, depth) {
				return true
			}
		}
	}
	return false
}
