package effects

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// UnixPath is the import path of golang.org/x/sys/unix.
const UnixPath = "golang.org/x/sys/unix"

// Opens says that a function returns an *os.File it opened from one of
// its path parameters (Fact.Opens), like
//
//	func openLog(p string) (*os.File, error) {
//		return os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
//	}
//
// A call of it is an open of that path: every return yields either no
// file (with an error) or the still-open file of a successful open of
// the same parameter.
type Opens struct {
	Param int // index of the path parameter (receiver first, for methods)
	File  int // index of the *os.File result
	// Err is the index of the error result that is nil when the file is
	// open, or -1 when the function has none and returns only open files.
	Err int
	// FlagParam is the index of a parameter passed as the open's flags,
	// or -1; the caller's argument then decides Access.
	FlagParam int
	Access    Access
}

func (f *Opens) String() string {
	s := fmt.Sprintf("returns the handle of path param %d (file result %d", f.Param, f.File)
	if f.Err >= 0 {
		s += fmt.Sprintf(", error result %d", f.Err)
	} else {
		s += ", always open"
	}
	if f.FlagParam >= 0 {
		s += fmt.Sprintf(", flags param %d", f.FlagParam)
	} else {
		s += ", " + f.Access.String()
	}
	return s + ")"
}

// Access is what an open handle may do to its file.
type Access uint8

const (
	AccessUnknown  Access = iota // the flags are not known
	AccessReadOnly               // opened without O_WRONLY or O_RDWR
	AccessWritable               // opened with O_WRONLY or O_RDWR
)

// String names the access in fact strings.
func (a Access) String() string {
	switch a {
	case AccessReadOnly:
		return "read-only"
	case AccessWritable:
		return "writable"
	}
	return "access unknown"
}

// Join combines the access of two opens either of which may have made a
// handle.
func (a Access) Join(b Access) Access {
	if a == b {
		return a
	}
	return AccessUnknown
}

// An OpenSite is a call that returns an *os.File opened from a path.
type OpenSite struct {
	Call   *ssa.Call
	Callee *types.Func
	Path   ssa.Value // nil for os.CreateTemp: its path is only f.Name()
	File   ssa.Value // the *os.File result; nil when no instruction uses it
	Err    ssa.Value // the error result, when some instruction uses it
	FileIx int       // index of the file among the call's results
	// AlwaysOpen says the callee returns a file only on success and has no
	// error result (an opener that panics or exits on failure).
	AlwaysOpen bool
	Access     Access
	OPath      bool      // opened with O_PATH or O_SYMLINK: the handle cannot change the file
	FlagArg    ssa.Value // the argument that gives the open's flags, if any
}

// OpenSite returns the open a call makes, from fsops's table (the opens
// that return a handle) or from the summary of the callee (Fact.Opens),
// or nil.
func (o *Openers) OpenSite(call *ssa.Call, callee *types.Func) *OpenSite {
	args := call.Call.Args
	if entry, ok := fsops.Lookup(callee); ok {
		if !entry.Handle {
			return nil
		}
		res := ssakit.Results(call)
		site := &OpenSite{Call: call, Callee: callee, Access: AccessWritable}
		if len(entry.Paths) > 0 { // none for os.CreateTemp: its path is only f.Name()
			pa := entry.Paths[0]
			site.Path = args[pa.Index]
			switch pa.Op {
			case fsops.OpRead:
				site.Access = AccessReadOnly
			case fsops.OpOpenFlags:
				site.FlagArg = args[pa.Flag]
				site.Access, site.OPath = o.flags(args[pa.Flag], callee.Pkg())
			}
		}
		site.File, site.Err = res[0], res[1]
		return site
	}
	f := o.r.Of(callee)
	if f == nil || f.Opens == nil || f.Opens.Param >= len(args) {
		return nil
	}
	op := f.Opens
	res := ssakit.Results(call)
	if op.File >= len(res) || op.Err >= len(res) {
		return nil
	}
	site := &OpenSite{Call: call, Callee: callee, Path: args[op.Param], File: res[op.File], FileIx: op.File, Access: op.Access}
	if op.Err >= 0 {
		site.Err = res[op.Err]
	} else {
		site.AlwaysOpen = true
	}
	if op.FlagParam >= 0 && op.FlagParam < len(args) {
		site.FlagArg = args[op.FlagParam]
		if os := importedPackage(callee.Pkg(), "os"); os != nil {
			site.Access, site.OPath = o.flags(args[op.FlagParam], os)
		} else {
			site.Access = AccessUnknown
		}
	}
	return site
}

// openSites returns the opens of fn (calls only: deferred and go calls
// run at other times).
func (o *Openers) openSites(fn *ssa.Function) []*OpenSite {
	var opens []*OpenSite
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee == nil || callee.Pkg() == nil {
				continue
			}
			if site := o.OpenSite(call, callee); site != nil {
				opens = append(opens, site)
			}
		}
	}
	return opens
}

// importsOpeners reports whether a function of another package is known
// to return a handle opened from a parameter (Fact.Opens).
func (r *Result) importsOpeners() bool {
	for _, f := range r.imported {
		if f.Opens != nil {
			return true
		}
	}
	return false
}

// ImportsOpeners reports whether the package could call an opener: it
// imports a file-system package, or a summary of another package's
// function says it returns a handle opened from a parameter. A package
// that does neither opens no file.
func (r *Result) ImportsOpeners(pkg *types.Package) bool {
	return fsops.Imports(pkg) || r.importsOpeners()
}

// summarizeOpens adds Fact.Opens to fn's summary when every return
// yields either no file (with an error) or the still-open file of an
// open of the same path parameter, opened successfully, and reports
// whether it did.
func (o *Openers) summarizeOpens(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || len(fn.Params) == 0 {
		return false
	}
	if f := o.r.local[obj]; f != nil && f.Opens != nil {
		return false
	}
	if f := o.openerSummary(fn); f != nil {
		o.r.fact(obj).Opens = f
		return true
	}
	return false
}

func (o *Openers) openerSummary(fn *ssa.Function) *Opens {
	res := fn.Signature.Results()
	fileIx, errIx := -1, -1
	for i := range res.Len() {
		if IsOSFile(res.At(i).Type()) {
			fileIx = i
			break
		}
	}
	if fileIx < 0 {
		return nil
	}
	if last := res.Len() - 1; last != fileIx && ssakit.IsError(res.At(last).Type()) {
		errIx = last
	}
	opens := o.openSites(fn)
	if len(opens) == 0 {
		return nil
	}
	s := o.NewOpenFlow(fn)
	fact := &Opens{Param: -1, File: fileIx, Err: errIx, FlagParam: -1}
	first := true
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := ret.Results[fileIx]
		if ssakit.IsNil(v) {
			if errIx < 0 || ssakit.IsNil(ret.Results[errIx]) {
				return nil // the caller cannot tell this nil from an open file
			}
			continue
		}
		site := openOf(opens, v)
		if site == nil || site.Path == nil || site.OPath {
			return nil
		}
		param := ssakit.ParamIndex(fn, o.r.paths.ParamOf(site.Path))
		if param < 0 || (fact.Param >= 0 && param != fact.Param) {
			return nil
		}
		fact.Param = param
		if !(errIx >= 0 && site.Err != nil && ret.Results[errIx] == site.Err) && !s.Succeeded(site, b) {
			return nil // the file may be nil, or the caller cannot tell
		}
		h := s.TrackHandle(site.File)
		if h.Unsure {
			return nil
		}
		for _, c := range append(append([]ssa.Instruction(nil), h.Closes...), h.Deferred...) {
			if s.ReachesInstr(c, ret) {
				return nil // it may return a closed file
			}
		}
		flagParam, acc := -1, site.Access
		if site.FlagArg != nil {
			flagParam = ssakit.ParamIndex(fn, directParam(site.FlagArg))
		}
		if first {
			fact.FlagParam, fact.Access, first = flagParam, acc, false
		} else if fact.FlagParam != flagParam {
			fact.FlagParam, fact.Access = -1, AccessUnknown
		} else {
			fact.Access = fact.Access.Join(acc)
		}
	}
	if fact.Param < 0 {
		return nil
	}
	if fact.FlagParam >= 0 {
		fact.Access = AccessUnknown
	}
	return fact
}

// openOf returns the open whose file v is.
func openOf(opens []*OpenSite, v ssa.Value) *OpenSite {
	for _, o := range opens {
		if o.File != nil && o.File == v {
			return o
		}
	}
	return nil
}

// directParam returns the parameter v is, seen through conversions.
func directParam(v ssa.Value) *ssa.Parameter {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Parameter:
			return x
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
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

// flags classifies the flag argument of an open: the access it grants,
// and whether it asks for a handle that cannot change the file (O_PATH on
// Linux and FreeBSD, O_SYMLINK on Darwin). Flags the analysis cannot
// evaluate give AccessUnknown and no O_PATH: such tricks need a constant
// the code spells out.
func (o *Openers) flags(v ssa.Value, os *types.Package) (Access, bool) {
	values, ok := possibleFlags(v, 0)
	if !ok {
		return AccessUnknown, false
	}
	write := constValue(os, "O_WRONLY") | constValue(os, "O_RDWR")
	// 0x200000 is O_PATH on Linux (but for a few architectures Go does not
	// ship) and O_SYMLINK on Darwin; no other flag of os uses the bit, so a
	// flag that has it is treated as such even when the package spells it
	// as a number or takes it from a package the analysis cannot see.
	pathBits := int64(0x200000)
	for _, pkg := range []*types.Package{importedPackage(os, "syscall"), importedPackage(o.pkg, UnixPath)} {
		if pkg != nil {
			pathBits |= constValue(pkg, "O_PATH") | constValue(pkg, "O_SYMLINK")
		}
	}
	acc, first := AccessUnknown, true
	opath := false
	for _, f := range values {
		a := AccessReadOnly
		if f&write != 0 {
			a = AccessWritable
		}
		if first {
			acc, first = a, false
		} else {
			acc = acc.Join(a)
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

// IsFileMethod reports whether fn is a method of *os.File.
func IsFileMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && IsOSFile(sig.Recv().Type())
}

// IsOSFile reports whether t is *os.File.
func IsOSFile(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "File"
}
