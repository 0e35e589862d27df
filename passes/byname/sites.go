package byname

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// unixPath is the import path of golang.org/x/sys/unix.
const unixPath = "golang.org/x/sys/unix"

// access is what an open handle may do to its file.
type access uint8

const (
	accessUnknown  access = iota // the flags are not known
	accessReadOnly               // opened without O_WRONLY or O_RDWR
	accessWritable               // opened with O_WRONLY or O_RDWR
)

// String names the access in fact strings.
func (a access) String() string {
	switch a {
	case accessReadOnly:
		return "read-only"
	case accessWritable:
		return "writable"
	}
	return "access unknown"
}

// join combines the access of two opens either of which may have made a
// handle.
func (a access) join(b access) access {
	if a == b {
		return a
	}
	return accessUnknown
}

// An openSite is a call that returns an *os.File opened from a path.
type openSite struct {
	call   *ssa.Call
	callee *types.Func
	path   ssa.Value // nil for os.CreateTemp: its path is only f.Name()
	file   ssa.Value // the *os.File result; nil when no instruction uses it
	err    ssa.Value // the error result, when some instruction uses it
	fileIx int       // index of the file among the call's results
	// alwaysOpen says the callee returns a file only on success and has no
	// error result (an opener that panics or exits on failure).
	alwaysOpen bool
	access     access
	opath      bool      // opened with O_PATH or O_SYMLINK: the handle cannot change the file
	flagArg    ssa.Value // the argument that gives the open's flags, if any
}

// An opSite is a call that acts on a path by name: an entry of fsops's
// table with an Attr (a change of mode, owner, times or size, or a Stat).
type opSite struct {
	call     *ssa.Call
	callee   *types.Func
	path     ssa.Value
	op       fsops.Func
	category string
}

// byNameCategory returns the category of an operation by name of fsops's
// table, or "" for one that is none of byname's.
func byNameCategory(f fsops.Func) string {
	switch f.Attr {
	case fsops.AttrMode:
		return ChmodByName
	case fsops.AttrOwner:
		return ChownByName
	case fsops.AttrTimes:
		return ChtimesByName
	case fsops.AttrSize:
		return TruncateByName
	case fsops.AttrInfo:
		return StatByName
	}
	return ""
}

// sites finds the opens and the operations by name of one function.
func (st *state) sites(fn *ssa.Function) (opens []*openSite, ops []*opSite) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call) // deferred and go calls run at other times
			if !ok {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee == nil || callee.Pkg() == nil {
				continue
			}
			if f, ok := fsops.Lookup(callee); ok && byNameCategory(f) != "" {
				if pi := f.Paths[0].Index; pi < len(call.Call.Args) {
					ops = append(ops, &opSite{call: call, callee: callee, path: call.Call.Args[pi], op: f, category: byNameCategory(f)})
				}
				continue
			}
			if o := st.openSite(call, callee); o != nil {
				opens = append(opens, o)
			}
		}
	}
	return opens, ops
}

// openSite returns the open a call makes, from the table of package os or
// from what the analyzed code knows of the callee as an opener.
func (st *state) openSite(call *ssa.Call, callee *types.Func) *openSite {
	args := call.Call.Args
	if entry, ok := fsops.Lookup(callee); ok {
		if !entry.Handle {
			return nil
		}
		res := ssakit.Results(call)
		o := &openSite{call: call, callee: callee, access: accessWritable}
		if len(entry.Paths) > 0 { // none for os.CreateTemp: its path is only f.Name()
			pa := entry.Paths[0]
			o.path = args[pa.Index]
			switch pa.Op {
			case fsops.OpRead:
				o.access = accessReadOnly
			case fsops.OpOpenFlags:
				o.flagArg = args[pa.Flag]
				o.access, o.opath = st.flags(args[pa.Flag], callee.Pkg())
			}
		}
		o.file, o.err = res[0], res[1]
		return o
	}
	f := st.opensFact(callee)
	if f == nil || f.Param >= len(args) {
		return nil
	}
	res := ssakit.Results(call)
	if f.File >= len(res) || f.Err >= len(res) {
		return nil
	}
	o := &openSite{call: call, callee: callee, path: args[f.Param], file: res[f.File], fileIx: f.File, access: f.Access}
	if f.Err >= 0 {
		o.err = res[f.Err]
	} else {
		o.alwaysOpen = true
	}
	if f.FlagParam >= 0 && f.FlagParam < len(args) {
		o.flagArg = args[f.FlagParam]
		if os := importedPackage(callee.Pkg(), "os"); os != nil {
			o.access, o.opath = st.flags(args[f.FlagParam], os)
		} else {
			o.access = accessUnknown
		}
	}
	return o
}

// importedPackage returns the package of the given path among pkg's
// imports, or pkg itself when it has that path.
func importedPackage(pkg *types.Package, path string) *types.Package {
	if pkg.Path() == path {
		return pkg
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// opensFact returns what the analyzed code knows of fn as an opener: from
// this package's summaries, or from a fact of its package. The standard
// library is known through the table only.
func (st *state) opensFact(fn *types.Func) *OpensFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.opens[fn]
	}
	var f OpensFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// flags classifies the flag argument of an open: the access it grants,
// and whether it asks for a handle that cannot change the file (O_PATH on
// Linux and FreeBSD, O_SYMLINK on Darwin). Flags the analysis cannot
// evaluate give accessUnknown and no O_PATH: such tricks need a constant
// the code spells out.
func (st *state) flags(v ssa.Value, os *types.Package) (access, bool) {
	values, ok := possibleFlags(v, 0)
	if !ok {
		return accessUnknown, false
	}
	write := constValue(os, "O_WRONLY") | constValue(os, "O_RDWR")
	// 0x200000 is O_PATH on Linux (but for a few architectures Go does not
	// ship) and O_SYMLINK on Darwin; no other flag of os uses the bit, so a
	// flag that has it is treated as such even when the package spells it
	// as a number or takes it from a package the analysis cannot see.
	pathBits := int64(0x200000)
	for _, pkg := range []*types.Package{importedPackage(os, "syscall"), importedPackage(st.pass.Pkg, unixPath)} {
		if pkg != nil {
			pathBits |= constValue(pkg, "O_PATH") | constValue(pkg, "O_SYMLINK")
		}
	}
	acc, first := accessUnknown, true
	opath := false
	for _, f := range values {
		a := accessReadOnly
		if f&write != 0 {
			a = accessWritable
		}
		if first {
			acc, first = a, false
		} else {
			acc = acc.join(a)
		}
		opath = opath || f&pathBits != 0
	}
	return acc, opath
}

// possibleFlags returns the constant values a flag argument can have,
// looking through phis and the | operator.
func possibleFlags(v ssa.Value, depth int) ([]int64, bool) {
	if depth > 6 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Int {
			return nil, false
		}
		n, ok := constant.Int64Val(v.Value)
		return []int64{n}, ok
	case *ssa.Phi:
		var all []int64
		for _, e := range v.Edges {
			vals, ok := possibleFlags(e, depth+1)
			if !ok {
				return nil, false
			}
			all = append(all, vals...)
		}
		return all, len(all) <= 16
	case *ssa.BinOp:
		if v.Op != token.OR {
			return nil, false
		}
		xs, ok := possibleFlags(v.X, depth+1)
		if !ok {
			return nil, false
		}
		ys, ok := possibleFlags(v.Y, depth+1)
		if !ok || len(xs)*len(ys) > 16 {
			return nil, false
		}
		var all []int64
		for _, x := range xs {
			for _, y := range ys {
				all = append(all, x|y)
			}
		}
		return all, true
	case *ssa.Convert:
		return possibleFlags(v.X, depth+1)
	case *ssa.ChangeType:
		return possibleFlags(v.X, depth+1)
	}
	return nil, false
}

// constValue returns the value of an integer constant of pkg, or 0.
func constValue(pkg *types.Package, name string) int64 {
	if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
		if v, ok := constant.Int64Val(k.Val()); ok {
			return v
		}
	}
	return 0
}

// names reports whether an operation's path names the file o opened: the
// same path value, or h.Name() of the handle itself, also when a local
// variable stored once holds it.
func (s *funcState) names(o *openSite, path ssa.Value, h *handle) bool {
	if o.path != nil {
		for _, p := range []ssa.Value{path, s.storedValue(path)} {
			if p != nil && pathflow.SamePath(o.path, p) {
				return true
			}
		}
	}
	return s.nameOf(path, h)
}

// storedValue returns the value a load of a local variable reads when the
// variable is stored once, before the load, and no closure that could
// store it runs before the load (closures that capture it are only
// deferred): sshKeyFile = f.Name() with sshKeyFile captured by a deferred
// os.Remove. It returns nil otherwise.
func (s *funcState) storedValue(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var stored *ssa.Store
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc || stored != nil {
				return nil
			}
			stored = r
		case *ssa.UnOp:
			// another load
		case *ssa.MakeClosure:
			for _, cr := range *r.Referrers() {
				if d, ok := cr.(*ssa.Defer); !ok || d.Call.Value != r {
					return nil
				}
			}
		default:
			return nil // its address goes elsewhere
		}
	}
	if stored == nil || !s.dominates(stored, load) {
		return nil
	}
	return stored.Val
}

// isFileMethod reports whether fn is a method of *os.File.
func isFileMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && isOSFile(sig.Recv().Type())
}

// isOSFile reports whether t is *os.File.
func isOSFile(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "File"
}
