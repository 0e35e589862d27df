package partialwrite

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// checkRenames reports the renames of fn that move a file fn made onto
// its destination without a Sync first, or from the shared temporary
// directory to another one.
func (st *state) checkRenames(fn *ssa.Function, s *funcSites) {
	if len(s.temps) == 0 || len(s.renames) == 0 {
		return
	}
	var br pathflow.Branches
	for _, rn := range s.renames {
		t, file := s.tempOf(rn)
		if t == nil {
			continue
		}
		if t.fromTempDir() && !underTempDir(rn.dst, t, file) && !handlesCrossDevice(fn, &br, rn, file) {
			st.reportCrossDir(t, rn)
		}
		if inPrivateDir(rn.dst) {
			continue // scratch space: nothing there needs to survive a crash
		}
		if pathflow.Volatile(rn.dst) {
			continue // a tmpfs (/run, /dev/shm): the reboot after a crash finds no file to find half written
		}
		if removedBeforeRename(fn, t, rn, file) {
			continue // the name was reused for something else, such as a socket
		}
		if missing, syncsSomewhere := missingSync(fn, t, rn, file); missing {
			st.reportNoSync(fn, t, rn, file, syncsSomewhere)
		}
	}
}

// tempOf returns the file whose name rn renames, when fn made it: the
// latest create whose handle's Name() or whose path rn's source is, and
// the values that are that file's handle.
func (s *funcSites) tempOf(rn *renameSite) (*tempSite, *fileValues) {
	for i := len(s.temps) - 1; i >= 0; i-- {
		t := s.temps[i]
		if !ssakit.RunsBefore(t.call, rn.call) {
			continue // the rename can run without this create before it
		}
		var file *fileValues
		if t.handle != nil {
			file = newFileValues(t.handle)
		}
		if file != nil && file.isName(rn.src) {
			return t, file
		}
		if t.path != nil && pathflow.SamePath(t.path, rn.src) {
			return t, file
		}
	}
	return nil, nil
}

// fileValues are the values of one function that are one *os.File: the
// result of the call that made it, and loads of a variable that holds
// only it (a variable a closure captures lives in memory).
type fileValues struct {
	vars   []*ssa.Alloc       // variables that hold the handle
	values map[ssa.Value]bool // the handle and its loads
}

// newFileValues collects the values that are the handle h.
func newFileValues(h ssa.Value) *fileValues {
	fv := &fileValues{values: map[ssa.Value]bool{h: true}}
	for _, r := range *h.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != h {
			continue
		}
		alloc, ok := st.Addr.(*ssa.Alloc)
		if !ok || !holdsOnly(alloc, h) {
			continue
		}
		fv.vars = append(fv.vars, alloc)
		for _, ar := range *alloc.Referrers() {
			if load, ok := ar.(*ssa.UnOp); ok && load.Op == token.MUL && load.X == alloc {
				fv.values[load] = true
			}
		}
	}
	return fv
}

// holdsOnly reports whether every store to alloc stores h (or nil).
func holdsOnly(alloc *ssa.Alloc, h ssa.Value) bool {
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc && st.Val != h && !ssakit.IsNil(st.Val) {
			return false
		}
	}
	return true
}

// isName reports whether v is the file's Name().
func (fv *fileValues) isName(v ssa.Value) bool {
	v = stored(v)
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 || !fv.values[call.Call.Args[0]] {
		return false
	}
	fn := ssakit.Callee(&call.Call)
	return fn != nil && isFileMethod(fn) && fn.Name() == "Name"
}

// stored looks through a load of a variable stored once (a name a closure
// captures) to the value stored.
func stored(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	var val ssa.Value
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			if val != nil {
				return v
			}
			val = st.Val
		}
	}
	if val == nil {
		return v
	}
	return val
}

// ---- rename-across-dirs

// fromTempDir reports whether t is made in the shared temporary
// directory: os.CreateTemp("", …), os.CreateTemp(os.TempDir(), …), or a
// create at a path built from os.TempDir().
func (t *tempSite) fromTempDir() bool {
	if t.dir != nil {
		if k, ok := t.dir.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			return constant.StringVal(k.Value) == ""
		}
		return derivesFromCall(t.dir, isTempDirCall, 0)
	}
	return derivesFromCall(t.path, isTempDirCall, 0)
}

// underTempDir reports whether dst is a path in the shared temporary
// directory or in a directory made there: built from os.TempDir(), from
// os.MkdirTemp, from testing's TempDir, or from t's own directory.
func underTempDir(dst ssa.Value, t *tempSite, file *fileValues) bool {
	inTemp := func(call *ssa.Call) bool {
		fn := ssakit.Callee(&call.Call)
		if fn == nil {
			return false
		}
		if file != nil && isFileMethod(fn) && fn.Name() == "Name" {
			return file.values[call.Call.Args[0]] // a sibling of the temporary file
		}
		return isTempLocation(fn)
	}
	if derivesFromCall(dst, inTemp, 0) {
		return true
	}
	return t.dir != nil && derivesFrom(dst, t.dir, 0)
}

// isTempDirCall reports whether call is os.TempDir().
func isTempDirCall(call *ssa.Call) bool {
	return ssakit.QualifiedName(ssakit.Callee(&call.Call)) == "os.TempDir"
}

// isTempLocation reports whether fn returns a path in the shared temporary
// directory: os.TempDir, os.MkdirTemp, testing's TempDir.
func isTempLocation(fn *types.Func) bool {
	switch ssakit.QualifiedName(fn) {
	case "os.TempDir", "os.MkdirTemp", "io/ioutil.TempDir":
		return true
	}
	return fn.Name() == "TempDir" && fn.Pkg() != nil && fn.Pkg().Path() == "testing"
}

// derivesFromCall reports whether v is computed (through path joins,
// string operations and conversions) from the result of a call pred
// accepts.
func derivesFromCall(v ssa.Value, pred func(*ssa.Call) bool, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	v = stored(v)
	switch x := v.(type) {
	case *ssa.Call:
		if pred(x) {
			return true
		}
		return anyArg(x, func(a ssa.Value) bool { return derivesFromCall(a, pred, depth+1) })
	case *ssa.Extract:
		return derivesFromCall(x.Tuple, pred, depth+1)
	case *ssa.BinOp:
		return derivesFromCall(x.X, pred, depth+1) || derivesFromCall(x.Y, pred, depth+1)
	case *ssa.ChangeType:
		return derivesFromCall(x.X, pred, depth+1)
	case *ssa.Convert:
		return derivesFromCall(x.X, pred, depth+1)
	case *ssa.MakeInterface:
		return derivesFromCall(x.X, pred, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !derivesFromCall(e, pred, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	}
	return false
}

// derivesFrom reports whether v is computed from base in the same way.
func derivesFrom(v, base ssa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	if pathflow.SamePath(v, base) {
		return true
	}
	v = stored(v)
	switch x := v.(type) {
	case *ssa.Call:
		return anyArg(x, func(a ssa.Value) bool { return derivesFrom(a, base, depth+1) })
	case *ssa.BinOp:
		return derivesFrom(x.X, base, depth+1)
	case *ssa.ChangeType:
		return derivesFrom(x.X, base, depth+1)
	case *ssa.MakeInterface:
		return derivesFrom(x.X, base, depth+1)
	}
	return false
}

// anyArg applies pred to the arguments of a call to a pure path function
// (filepath.Join and friends, fmt.Sprintf), looking into variadic slices.
func anyArg(call *ssa.Call, pred func(ssa.Value) bool) bool {
	fn := ssakit.Callee(&call.Call)
	if fn == nil || !pathFunc(fn) {
		return false
	}
	for _, a := range call.Call.Args {
		if elems, ok := pathflow.VarargElems(a); ok {
			for _, e := range elems {
				if pred(e) {
					return true
				}
			}
			continue
		}
		if pred(a) {
			return true
		}
	}
	return false
}

// pathFunc reports whether fn computes a path from its arguments.
func pathFunc(fn *types.Func) bool {
	switch ssakit.QualifiedName(fn) {
	case "path/filepath.Join", "path/filepath.Clean", "path/filepath.Abs", "path/filepath.Dir",
		"path/filepath.FromSlash", "path/filepath.ToSlash", "path.Join", "path.Clean", "path.Dir",
		"fmt.Sprintf", "fmt.Sprint", "strings.Join", "strings.TrimSuffix", "strings.TrimPrefix",
		"strings.TrimSpace":
		return true
	}
	return false
}

// handlesCrossDevice reports whether the code around rn copes with a
// rename across file systems: it tests the rename's error for EXDEV or a
// *os.LinkError, or it falls back to using the file some other way (a
// copy) when the rename fails.
func handlesCrossDevice(fn *ssa.Function, br *pathflow.Branches, rn *renameSite, file *fileValues) bool {
	err := result(rn.call, len(ssakit.Results(rn.call))-1)
	if err == nil || !ssakit.IsError(err.Type()) {
		return false
	}
	for _, r := range *err.Referrers() {
		switch r := r.(type) {
		case *ssa.BinOp:
			if isEXDEV(r.X) || isEXDEV(r.Y) {
				return true
			}
		case *ssa.Call:
			switch ssakit.QualifiedName(ssakit.Callee(&r.Call)) {
			case "errors.Is":
				if len(r.Call.Args) == 2 && isEXDEV(r.Call.Args[1]) {
					return true
				}
			case "errors.As":
				return true
			}
		case *ssa.TypeAssert:
			return true
		}
	}
	// A fallback: on the rename's failure, the source is used again by
	// something other than a removal or a close.
	for _, b := range fn.Blocks {
		if !onlyWhenFailed(fn, br, err, b) {
			continue
		}
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call == rn.call {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee != nil && cleanup(callee) {
				continue
			}
			for _, a := range call.Call.Args {
				if pathflow.SamePath(a, rn.src) || (file != nil && (file.values[a] || file.isName(a))) {
					return true
				}
			}
		}
	}
	return false
}

// cleanup reports whether fn only cleans up or reports after a failed
// rename: a fallback is something else.
func cleanup(fn *types.Func) bool {
	switch ssakit.QualifiedName(fn) {
	case "os.Remove", "os.RemoveAll", "os.File.Close", "os.File.Name", "os.File.Stat":
		return true
	}
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "fmt", "log", "log/slog", "errors":
			return true
		}
	}
	return false
}

// isEXDEV reports whether v is the constant syscall.EXDEV (or x/sys/unix's),
// possibly converted to error.
func isEXDEV(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil {
		return false
	}
	n, ok := k.Type().(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Errno" {
		return false
	}
	exdev, ok := n.Obj().Pkg().Scope().Lookup("EXDEV").(*types.Const)
	return ok && constant.Compare(exdev.Val(), token.EQL, k.Value)
}

// ---- rename-without-sync

// missingSync reports whether some path from t's create to rn runs no
// Sync of the file, and whether fn syncs the file on other paths. A path
// that skips the Sync only where an error is already set, and returns on
// that error before the rename (if err == nil { err = f.Sync() } ... if
// err != nil { return err }), is no such path (ssakit.FeasiblyReaches). It
// reports false when the pass cannot tell: the handle is passed to code
// that might sync it or stored where the pass cannot follow it, or the
// path is handed to code of the analyzed program.
func missingSync(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues) (missing, syncsSomewhere bool) {
	if nameHandedOn(fn, t, rn, file) {
		return false, false
	}
	syncs := map[ssa.Instruction]bool{}
	if file != nil {
		var decided bool
		syncs, decided = file.syncs()
		if !decided {
			return false, false
		}
	}
	missing = reachesAvoiding(t.call, rn.call, syncs) && ssakit.FeasiblyReaches(t.call, rn.call, syncs)
	return missing, len(syncs) > 0
}

// removedBeforeRename reports whether every path from t's create to rn
// removes the file's name (os.Remove, syscall.Unlink, unix.Unlink): what
// rn moves is then not the file t made but whatever was made at its name
// since, such as a unix socket bound there to get a fresh name; it holds
// no data to sync. A create of a new file at the name is a create of its
// own, which the pass checks.
func removedBeforeRename(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues) bool {
	removals := map[ssa.Instruction]bool{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call) // a deferred removal runs after the rename
			if !ok || len(call.Call.Args) == 0 {
				continue
			}
			switch ssakit.QualifiedName(ssakit.Callee(&call.Call)) {
			case "os.Remove", "syscall.Unlink", "golang.org/x/sys/unix.Unlink":
			default:
				continue
			}
			a := call.Call.Args[0]
			if (t.path != nil && pathflow.SamePath(a, t.path)) || (file != nil && file.isName(a)) {
				removals[call] = true
			}
		}
	}
	return len(removals) > 0 && !reachesAvoiding(t.call, rn.call, removals)
}

// nameHandedOn reports whether fn passes the name of t's file (its path,
// or the handle's Name()) to a function of the analyzed code, which might
// reopen and sync it, or opens it again itself.
func nameHandedOn(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues) bool {
	names := func(a ssa.Value) bool {
		return (t.path != nil && pathflow.SamePath(a, t.path)) || (file != nil && file.isName(a))
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok || ci == ssa.CallInstruction(t.call) || ci == ssa.CallInstruction(rn.call) {
				continue
			}
			common := ci.Common()
			uses := false
			for _, a := range common.Args {
				uses = uses || names(a)
			}
			if !uses {
				continue
			}
			callee := ssakit.Callee(common)
			if callee == nil || !fsops.IsStd(callee.Pkg()) {
				return true
			}
			switch ssakit.QualifiedName(callee) {
			case "os.Open", "os.OpenFile", "syscall.Open", "golang.org/x/sys/unix.Open":
				return true
			}
		}
	}
	return false
}

// syncs returns the instructions that sync the file: f.Sync(),
// syscall.Fsync(int(f.Fd())), an interface's Sync method on it. decided
// is false when the handle escapes where the pass cannot follow it.
func (fv *fileValues) syncs() (map[ssa.Instruction]bool, bool) {
	syncs := map[ssa.Instruction]bool{}
	for v := range fv.values {
		for _, r := range *v.Referrers() {
			if !fv.use(r, v, syncs) {
				return nil, false
			}
		}
	}
	for _, alloc := range fv.vars {
		for _, r := range *alloc.Referrers() {
			mc, ok := r.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			if closureSyncs(mc, alloc) {
				return nil, false // a closure that syncs: when it runs is not followed
			}
		}
	}
	return syncs, true
}

// use classifies one use r of the handle v: a sync (recorded), a harmless
// use, or an escape (false).
func (fv *fileValues) use(r ssa.Instruction, v ssa.Value, syncs map[ssa.Instruction]bool) bool {
	switch r := r.(type) {
	case *ssa.Store:
		if r.Val != v {
			return true // a store into the handle's own variable
		}
		for _, a := range fv.vars {
			if r.Addr == a {
				return true
			}
		}
		return false
	case ssa.CallInstruction:
		common := r.Common()
		callee := ssakit.Callee(common)
		if callee == nil {
			return false
		}
		if isFileMethod(callee) {
			switch callee.Name() {
			case "Sync":
				syncs[r] = true
			case "Fd":
				if call, ok := r.(*ssa.Call); ok {
					fsyncsOf(call, syncs)
				}
			}
			return true
		}
		return fsops.IsStd(callee.Pkg()) // the standard library never syncs a file it is given
	case *ssa.MakeInterface:
		for _, ir := range *r.Referrers() {
			if _, ok := ir.(*ssa.TypeAssert); ok {
				return false // asserted back, perhaps to a Syncer
			}
		}
		if !hasSyncMethod(r.Type()) {
			// As an io.Writer (or any), the file can be synced only by a
			// type assertion back; the pass assumes nobody does that.
			return true
		}
		for _, ir := range *r.Referrers() {
			switch ir := ir.(type) {
			case ssa.CallInstruction:
				common := ir.Common()
				if common.IsInvoke() && common.Value == r {
					if common.Method.Name() == "Sync" {
						syncs[ir] = true
					}
					continue
				}
				if callee := ssakit.Callee(common); callee == nil || !fsops.IsStd(callee.Pkg()) {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
		return true
	case *ssa.BinOp, *ssa.DebugRef, *ssa.Return:
		return true
	}
	return false
}

// hasSyncMethod reports whether the interface type t has a Sync method.
func hasSyncMethod(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return true
	}
	for m := range it.Methods() {
		if m.Name() == "Sync" {
			return true
		}
	}
	return false
}

// fsyncsOf records the fsync system calls given the descriptor fd.
func fsyncsOf(fd *ssa.Call, syncs map[ssa.Instruction]bool) {
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if depth > 3 {
			return
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Convert:
				walk(r, depth+1)
			case ssa.CallInstruction:
				switch ssakit.QualifiedName(ssakit.Callee(r.Common())) {
				case "syscall.Fsync", "syscall.Fdatasync", "golang.org/x/sys/unix.Fsync",
					"golang.org/x/sys/unix.Fdatasync", "golang.org/x/sys/unix.SyncFileRange":
					syncs[r] = true
				}
			}
		}
	}
	walk(fd, 0)
}

// closureSyncs reports whether the closure mc, which captures alloc, may
// sync the file that alloc holds, or lets it escape: when the closure
// runs is not followed.
func closureSyncs(mc *ssa.MakeClosure, alloc *ssa.Alloc) bool {
	for _, fv := range ssakit.CapturedAs(mc, alloc) {
		inner := &fileValues{values: map[ssa.Value]bool{}}
		for _, r := range *fv.Referrers() {
			load, ok := r.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				return true // stored to, or captured again
			}
			inner.values[load] = true
		}
		syncs, decided := inner.syncs()
		if !decided || len(syncs) > 0 {
			return true
		}
	}
	return false
}

// reachesAvoiding reports whether b can run after a on a path that runs
// none of the instructions in avoid.
func reachesAvoiding(a, b ssa.Instruction, avoid map[ssa.Instruction]bool) bool {
	// scan runs blk's instructions from index i: done reports b found or a
	// blocking instruction met.
	scan := func(blk *ssa.BasicBlock, from int) (found, blocked bool) {
		for _, instr := range blk.Instrs[from:] {
			if instr == b {
				return true, false
			}
			if avoid[instr] {
				return false, true
			}
		}
		return false, false
	}
	ab := a.Block()
	start := 0
	for i, instr := range ab.Instrs {
		if instr == a {
			start = i + 1
		}
	}
	if found, blocked := scan(ab, start); found || blocked {
		return found
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
		found, blocked := scan(blk, 0)
		if found {
			return true
		}
		if !blocked {
			stack = append(stack, blk.Succs...)
		}
	}
	return false
}
