package partialwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// checkReadModifyWrite reports the writes of fn that truncate a file in
// place and write back content read from the same file earlier in fn.
func (st *state) checkReadModifyWrite(fn *ssa.Function, s *funcSites) {
	if !includeReadModifyWrite || len(s.reads) == 0 || len(s.writes) == 0 {
		return
	}
	var br pathflow.Branches
	flows := make(map[*readSite]*contentFlow)
	var locks *fileLocks
	for _, w := range s.writes {
		if s.createdExclusively(w.path) || inPrivateDir(w.path) {
			continue // the function owns the file: nobody else reads or updates it
		}
		if pathflow.Kernel(w.path) {
			continue // a sysctl or cgroup file: no content to truncate, nothing to rename over
		}
		if restoresOnFailure(w) {
			continue // puts the old content back after a failed update
		}
		// The nearest preceding read is the one to name: walk backwards.
		for i := len(s.reads) - 1; i >= 0; i-- {
			r := s.reads[i]
			if r.call == w.call || !pathflow.SamePath(r.path, w.path) || !reaches(r.call, w.call, w.path) {
				// (a wrapper that reads and rewrites its file is reported inside)
				continue
			}
			if onlyWhenFailed(fn, &br, r.err, w.call.Block()) {
				continue // writes a default when the read failed: nothing was read
			}
			cf := flows[r]
			if cf == nil {
				cf = newContentFlow(fn, r)
				flows[r] = cf
			}
			if cf.writesContent(fn, w) {
				if locks == nil {
					locks = locksOf(fn)
				}
				// Under a file lock all instances take, no update is lost
				// in between; a crash mid-write still truncates the file,
				// unless the function takes a file it cannot decode for an
				// empty one.
				locked := locks.heldAcross(r, w.call)
				if !locked || !decodeErrorIgnored(r) {
					st.reportReadModifyWrite(r, w, locked)
				}
				break
			}
		}
	}
}

// restoresOnFailure reports whether the write runs only on the way to
// returning an error that is never nil: a rewrite in place that puts a
// backup back after a rename or an update failed, as in
//
//	if err := os.Rename(tmp, path); err != nil {
//		_ = copyFile(backup, path)
//		return fmt.Errorf("rename failed: %w", err)
//	}
//
// It is recovery, not the function's effect: callers see the failure,
// and the file it rewrites still held what is written back (the rename
// did not happen). A wrapper whose only in-place write is such a
// restore is no write wrapper.
func restoresOnFailure(w *writeSite) bool {
	return pathflow.ReturnsError(w.call.Block())
}

// createdExclusively reports whether the function creates path with
// O_CREATE|O_EXCL.
func (s *funcSites) createdExclusively(path ssa.Value) bool {
	for _, p := range s.excl {
		if pathflow.SamePath(p, path) {
			return true
		}
	}
	return false
}

// inPrivateDir reports whether path is built from a directory the
// program made for itself (os.MkdirTemp, testing's TempDir): scratch
// space that no other process reads or updates.
func inPrivateDir(path ssa.Value) bool {
	return derivesFromCall(path, func(call *ssa.Call) bool {
		fn := ssakit.Callee(&call.Call)
		return fn != nil && isTempLocation(fn) && ssakit.QualifiedName(fn) != "os.TempDir"
	}, 0)
}

// reaches reports whether b can run after a in one call of their
// function with path, the path both name, computed once: a route from a
// to b that runs again an instruction the path is computed from and that
// can yield another value each time (a loop's index or iteration
// variable, a call) gives b the path of a later iteration. In
//
//	for _, p := range paths {
//		data, err := load(p)
//		if err != nil {
//			write(p) // only when the load failed
//			data, err = load(p)
//		}
//	}
//
// the second load of one iteration and the write of the next name
// different files.
func reaches(a, b ssa.Instruction, path ssa.Value) bool {
	ab, bb := a.Block(), b.Block()
	if ab == bb {
		for _, i := range ab.Instrs {
			if i == a {
				break
			}
			if i == b {
				goto viaLoop // b precedes a in the block: only a loop brings b after a
			}
		}
		return true
	}
viaLoop:
	recomputed := map[*ssa.BasicBlock]bool{}
	varyingBlocks(path, recomputed, 0)
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), ab.Succs...)
	for len(stack) > 0 {
		blk := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[blk] || recomputed[blk] {
			continue // entering blk computes the path anew, before b if blk is b's block
		}
		if blk == bb {
			return true
		}
		seen[blk] = true
		stack = append(stack, blk.Succs...)
	}
	return false
}

// varyingBlocks adds to blocks the blocks of the instructions path is
// computed from that can yield another value when they run again: phis
// (a loop's index), calls other than pure path functions, map and
// channel iteration, receives, and local variables (a loop makes a new
// one per iteration). Pure computations, loads (followed to their
// address) and parameters, constants and globals add nothing: running
// them again computes the same path.
func varyingBlocks(v ssa.Value, blocks map[*ssa.BasicBlock]bool, depth int) {
	if v == nil || depth > 10 {
		return
	}
	depth++
	switch x := v.(type) {
	case *ssa.Phi, *ssa.Next, *ssa.Alloc:
		blocks[x.(ssa.Instruction).Block()] = true
	case *ssa.Call:
		fn := ssakit.Callee(&x.Call)
		if fn == nil || !purePathFunc(fn) {
			blocks[x.Block()] = true
			return
		}
		for _, a := range x.Call.Args {
			if elems, ok := pathflow.VarargElems(a); ok {
				for _, e := range elems {
					varyingBlocks(e, blocks, depth)
				}
				continue
			}
			varyingBlocks(a, blocks, depth)
		}
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			blocks[x.Block()] = true
			return
		}
		varyingBlocks(x.X, blocks, depth)
	case *ssa.BinOp:
		varyingBlocks(x.X, blocks, depth)
		varyingBlocks(x.Y, blocks, depth)
	case *ssa.Extract:
		varyingBlocks(x.Tuple, blocks, depth)
	case *ssa.ChangeType:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.Convert:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.MakeInterface:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.TypeAssert:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.Slice:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.Field:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.FieldAddr:
		varyingBlocks(x.X, blocks, depth)
	case *ssa.Index:
		varyingBlocks(x.X, blocks, depth)
		varyingBlocks(x.Index, blocks, depth)
	case *ssa.IndexAddr:
		varyingBlocks(x.X, blocks, depth)
		varyingBlocks(x.Index, blocks, depth)
	case *ssa.Lookup:
		varyingBlocks(x.X, blocks, depth)
		varyingBlocks(x.Index, blocks, depth)
	}
}

// purePathFunc reports whether fn computes its result from its
// arguments alone, as the path functions pathflow.SamePath compares do.
func purePathFunc(fn *types.Func) bool {
	if pathFunc(fn) {
		return true
	}
	switch ssakit.QualifiedName(fn) {
	case "path/filepath.Base", "path/filepath.Ext", "path.Base", "path.Ext", "strings.ToLower":
		return true
	}
	return false
}

// onlyWhenFailed reports whether blk runs only when err, the error of a
// call, is not nil: some if on err decides that blk runs on its failure
// edge.
func onlyWhenFailed(fn *ssa.Function, br *pathflow.Branches, err ssa.Value, blk *ssa.BasicBlock) bool {
	if err == nil {
		return false
	}
	for _, b := range fn.Blocks {
		n := len(b.Instrs)
		if n == 0 {
			continue
		}
		ifs, ok := b.Instrs[n-1].(*ssa.If)
		if !ok {
			continue
		}
		failsOnTrue, ok := errTest(ifs.Cond, err, 0)
		if !ok {
			continue
		}
		switch br.Decider(b, blk) {
		case 0:
			if failsOnTrue {
				return true
			}
		case 1:
			if !failsOnTrue {
				return true
			}
		}
	}
	return false
}

// errTest reports whether cond tests err, and whether cond being true
// means that err is not nil: err != nil, err == nil, os.IsNotExist(err),
// errors.Is(err, fs.ErrNotExist) and their negations.
func errTest(cond, err ssa.Value, depth int) (failsOnTrue, ok bool) {
	if depth > 4 {
		return false, false
	}
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			f, ok := errTest(c.X, err, depth+1)
			return !f, ok
		}
	case *ssa.BinOp:
		x, y := c.X, c.Y
		if ssakit.IsNil(x) {
			x, y = y, x
		}
		if x != err || !ssakit.IsNil(y) {
			return false, false
		}
		switch c.Op {
		case token.NEQ:
			return true, true
		case token.EQL:
			return false, true
		}
	case *ssa.Call:
		fn := ssakit.Callee(&c.Call)
		if fn == nil || len(c.Call.Args) == 0 || c.Call.Args[0] != err {
			return false, false
		}
		switch ssakit.QualifiedName(fn) {
		case "os.IsNotExist", "os.IsExist", "os.IsPermission", "errors.Is", "errors.As":
			return true, true // true only for an error
		}
	}
	return false, false
}

// decodeErrorIgnored reports whether the function decodes what r read
// with a call whose error it drops (_ = json.Unmarshal(data, &v)): it
// takes a file it cannot decode, a truncated one too, for an empty one,
// so a crash mid-write loses what the code has chosen to lose.
func decodeErrorIgnored(r *readSite) bool {
	seen := map[ssa.Value]bool{}
	var visit func(v ssa.Value, depth int) bool
	visit = func(v ssa.Value, depth int) bool {
		if v == nil || seen[v] || depth > 4 || v.Referrers() == nil {
			return false
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch u := ref.(type) {
			case *ssa.Convert, *ssa.ChangeType: // string(data), a named []byte
				if visit(u.(ssa.Value), depth+1) {
					return true
				}
			case *ssa.Call:
				if u.Call.Value != v && errorDropped(u) {
					return true
				}
			}
		}
		return false
	}
	for _, v := range r.content {
		if visit(v, 0) {
			return true
		}
	}
	return false
}

// errorDropped reports whether call's last result is an error that
// nothing reads.
func errorDropped(call *ssa.Call) bool {
	err, hasErr := ssakit.ErrResult(call)
	return hasErr && (err == nil || !ssakit.Used(err))
}
