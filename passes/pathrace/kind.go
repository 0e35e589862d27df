package pathrace

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssakit"
)

// absentOrKind reports whether blk runs, after the check c, only where c
// found the path absent, or found it present and a test of its kind let
// it through:
//
//	fi, err := os.Stat(p)
//	if err == nil && !fi.IsDir() {
//		return nil // a file is already there
//	}
//	return os.WriteFile(p, data, 0o644)
//
// No single branch decides the write (the absent edge and the directory
// edge both reach it), but a present file of the kind that returns never
// does, and on a directory the create fails by itself: in effect a
// create-if-absent. It requires an existence branch on c that dominates
// blk, whose absent edge reaches blk, and whose present edge reaches blk
// only through a branch on c's FileInfo that has one edge not reaching
// blk.
func (s *funcState) absentOrKind(c *effects.CheckSite, blk *ssa.BasicBlock) bool {
	if c.Info == nil {
		return false
	}
	for _, g := range s.presentGates(c, blk) {
		kk, ok := c.Condition(g.test.Cond)
		if !ok || !kk.TypeTest {
			continue
		}
		// The edge of a file that is not regular (a directory: the
		// create fails there by itself) reaches blk, and the edge of a
		// regular file does not: a present file that reaches the
		// create is overwritten on purpose (an output file that the
		// Stat only refuses to be a directory), which no race changes.
		kb := g.test.Block()
		other, ok := notRegularEdge(g.test.Cond)
		if ok && s.Br.Reaches(kb.Succs[other], kb, blk) && !s.Br.Reaches(kb.Succs[1-other], kb, blk) {
			return true
		}
	}
	return false
}

// A gate is an if on the present side of an existence test: check is
// the if on the check's outcome, whose absent edge reaches the use's
// block, present its present successor, and test an if that present
// reaches, through which alone present reaches the use's block.
type gate struct {
	check, test *ssa.If
	present     *ssa.BasicBlock
}

// presentGates returns the gates of blk for the check c: the ifs that
// stand between the present outcome of c and blk, and not between the
// absent outcome and blk, for each if on c's existence (not its kind)
// that dominates blk and whose absent edge reaches blk.
func (s *funcState) presentGates(c *effects.CheckSite, blk *ssa.BasicBlock) []gate {
	var out []gate
	for _, e := range s.Ifs {
		k, ok := c.Condition(e.Cond)
		if !ok || k.TypeTest || k.OnTrue == k.OnFalse || k.OnTrue == effects.Unknown || k.OnFalse == effects.Unknown || !e.Block().Dominates(blk) {
			continue // an if with an edge that says nothing (os.IsExist) has no absent edge
		}
		eb := e.Block()
		absentSucc, presentSucc := eb.Succs[0], eb.Succs[1]
		if k.OnTrue != effects.Absent {
			absentSucc, presentSucc = presentSucc, absentSucc
		}
		if !s.Br.Reaches(absentSucc, eb, blk) {
			continue
		}
		for _, kt := range s.Ifs {
			kb := kt.Block()
			if kt == e || (kb != presentSucc && !s.Br.Reaches(presentSucc, eb, kb)) {
				continue // not on the present side
			}
			if s.Br.Reaches(presentSucc, kb, blk) {
				continue // the present side reaches blk without this test
			}
			if kb == absentSucc || !s.Br.Reaches(absentSucc, kb, blk) {
				// the absent side passes it too (the parent's MkdirAll
				// error test before the create): a test every outcome
				// meets says nothing of the file found present
				continue
			}
			out = append(out, gate{check: e, test: kt, present: presentSucc})
		}
	}
	return out
}

// absentOnly reports whether blk runs after c only where c found the path
// absent though no single if decides it: c's present outcome reaches blk
// only through a second test of the path's existence (a gate whose test
// is an existence condition of c) whose edge toward blk says absent, a
// way no run takes:
//
//	if err == nil && fi != nil {
//		return errExists
//	}
//	f, err := os.Create(name)
func (s *funcState) absentOnly(c *effects.CheckSite, blk *ssa.BasicBlock) bool {
	for _, g := range s.presentGates(c, blk) {
		if existenceEdge(s, c, g.test, blk) == effects.Absent {
			return true
		}
	}
	return false
}

// existenceEdge returns what the edge of the if test that reaches blk
// (the other one does not) says about c's path, when test is on c's
// existence; Unknown otherwise.
func existenceEdge(s *funcState, c *effects.CheckSite, test *ssa.If, blk *ssa.BasicBlock) effects.Polarity {
	k, ok := c.Condition(test.Cond)
	if !ok || k.TypeTest || k.OnTrue == k.OnFalse {
		return effects.Unknown
	}
	kb := test.Block()
	r0, r1 := s.Br.Reaches(kb.Succs[0], kb, blk), s.Br.Reaches(kb.Succs[1], kb, blk)
	switch {
	case r0 && !r1:
		return k.OnTrue
	case r1 && !r0:
		return k.OnFalse
	}
	return effects.Unknown
}

// notRegularEdge returns the index of the successor of an if on cond
// that runs when the file is not a regular one: cond is fi.IsDir(),
// fi.Mode().IsRegular() or a negation of them. Any other kind test is
// unknown (ok false).
func notRegularEdge(cond ssa.Value) (succ int, ok bool) {
	switch v := cond.(type) {
	case *ssa.UnOp:
		if v.Op == token.NOT {
			if s, ok := notRegularEdge(v.X); ok {
				return 1 - s, true
			}
		}
	case *ssa.Call:
		switch ssakit.MethodName(&v.Call) {
		case "IsDir":
			return 0, true // true: a directory
		case "IsRegular":
			return 1, true // false: not a regular file
		}
	}
	return 0, false
}
