package partialwrite

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

// checkReadModifyWrite reports the writes of fn that truncate a file in
// place and write back content read from the same file earlier in fn.
func (st *state) checkReadModifyWrite(fn *ssa.Function, s *funcSites) {
	if !includeReadModifyWrite || len(s.reads) == 0 || len(s.writes) == 0 {
		return
	}
	var br pathflow.Branches
	flows := make(map[*readSite]*contentFlow)
	for _, w := range s.writes {
		if s.createdExclusively(w.path) || inPrivateDir(w.path) {
			continue // the function owns the file: nobody else reads or updates it
		}
		// The nearest preceding read is the one to name: walk backwards.
		for i := len(s.reads) - 1; i >= 0; i-- {
			r := s.reads[i]
			if r.call == w.call || !pathflow.SamePath(r.path, w.path) || !reaches(r.call, w.call) {
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
				st.reportReadModifyWrite(r, w)
				break
			}
		}
	}
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
		fn := calleeOf(&call.Call)
		return fn != nil && isTempLocation(fn) && qualifiedName(fn) != "os.TempDir"
	}, 0)
}

// reaches reports whether b can run after a in one call of their function.
func reaches(a, b ssa.Instruction) bool {
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
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), ab.Succs...)
	for len(stack) > 0 {
		blk := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if blk == bb {
			return true
		}
		if seen[blk] {
			continue
		}
		seen[blk] = true
		stack = append(stack, blk.Succs...)
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
		if isNilConst(x) {
			x, y = y, x
		}
		if x != err || !isNilConst(y) {
			return false, false
		}
		switch c.Op {
		case token.NEQ:
			return true, true
		case token.EQL:
			return false, true
		}
	case *ssa.Call:
		fn := calleeOf(&c.Call)
		if fn == nil || len(c.Call.Args) == 0 || c.Call.Args[0] != err {
			return false, false
		}
		switch qualifiedName(fn) {
		case "os.IsNotExist", "os.IsExist", "os.IsPermission", "errors.Is", "errors.As":
			return true, true // true only for an error
		}
	}
	return false, false
}

// isNilConst reports whether v is the constant nil.
func isNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value == nil
}
