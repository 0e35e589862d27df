package byname

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// checkFunc reports the operations by name in fn on files fn holds open.
func (st *state) checkFunc(fn *ssa.Function) {
	opens, ops := st.sites(fn)
	if len(ops) == 0 || len(opens) == 0 {
		return
	}
	s := newFuncState(st, fn)
	for _, op := range ops {
		var nearest *effects.OpenSite
		for _, o := range opens {
			if nearest != nil && !s.Dominates(nearest.Call, o.Call) {
				continue // an open nearer to the call already qualifies
			}
			if s.holdsOpen(o, op) {
				nearest = o
			}
		}
		if nearest != nil {
			st.report(s, nearest, op)
			continue
		}
		for _, o := range opens {
			if s.closedThenByName(o, op) {
				st.reportAfterClose(o, op)
				break
			}
		}
	}
}

// closedThenByName reports whether op changes the mode or owner of the
// file o opened by h.Name() of its own handle, after a close of the
// handle that runs on every path to op: the code held the handle, and
// set the mode by name only once the handle was gone. (A path value the
// caller chose, used after the close, is not reported: see doc.go.)
func (s *funcState) closedThenByName(o *effects.OpenSite, op *opSite) bool {
	switch op.category {
	case ChmodByName, ChownByName:
	default:
		return false
	}
	if op.op.NoFollow || o.File == nil || o.OPath || !s.Dominates(o.Call, op.call) || !s.Succeeded(o, op.call.Block()) {
		return false // (Lchown acts on a link itself: the handle has no such form)
	}
	h := s.TrackHandle(o.File)
	if h.Unsure || h.Escaped || !s.nameOf(op.path, h) {
		return false
	}
	for _, c := range h.Closes {
		if call, ok := c.(*ssa.Call); ok && isCloseOf(call, h) && s.Dominates(c, op.call) {
			return !s.repointed(o, op)
		}
	}
	return false
}

// nameOf reports whether path is h.Name() of the handle h, directly or
// through a local variable stored once.
func (s *funcState) nameOf(path ssa.Value, h *effects.Handle) bool {
	for _, p := range []ssa.Value{path, s.storedValue(path)} {
		call, ok := p.(*ssa.Call)
		if !ok || len(call.Call.Args) != 1 {
			continue
		}
		if fn := ssakit.Callee(&call.Call); fn != nil && fn.Name() == "Name" && effects.IsFileMethod(fn) && h.Aliases[call.Call.Args[0]] {
			return true
		}
	}
	return false
}

// isCloseOf reports whether call is f.Close() on the handle h itself.
func isCloseOf(call *ssa.Call, h *effects.Handle) bool {
	fn := ssakit.Callee(&call.Call)
	return fn != nil && fn.Name() == "Close" && effects.IsFileMethod(fn) &&
		len(call.Call.Args) == 1 && h.Aliases[call.Call.Args[0]]
}

// reportAfterClose reports op, which changes the mode or owner of the
// file o opened by its name after closing the handle.
func (st *state) reportAfterClose(o *effects.OpenSite, op *opSite) {
	useCall := st.syn.Call(op.call.Call.Pos())
	openCall := st.syn.Call(o.Call.Call.Pos())
	if useCall == nil || openCall == nil || len(useCall.Args) == 0 || !st.reportable(useCall.Pos()) {
		return
	}
	handle := st.handleExpr(openCall, o.FileIx)
	if handle == nil {
		return
	}
	handleText := types.ExprString(handle)
	method := "Chmod"
	if op.category == ChownByName {
		method = "Chown"
	}
	diag := analysis.Diagnostic{
		Pos:      useCall.Pos(),
		End:      useCall.End(),
		Category: op.category,
		Message: fmt.Sprintf("%s %s %s by name after %s was closed; %s (call %s.%s before closing %s)",
			analysisutil.FuncName(op.callee), verbs[op.category], types.ExprString(useCall.Args[0]),
			handleText, consequences[op.category], handleText, method, handleText),
		Related: []analysis.RelatedInformation{{
			Pos:     openCall.Pos(),
			End:     openCall.End(),
			Message: fmt.Sprintf("%s opened %s here", analysisutil.FuncName(o.Callee), handleText),
		}},
	}
	st.demote(&diag, op)
	st.pass.Report(diag)
}

// sizeOnly reports whether the FileInfo a stat by name returns is used
// only for its Size, or compared with nil, and no size it gives bounds a
// read of the open file h: a make whose length or capacity it is, a call
// of package io (io.CopyN, io.LimitReader, io.NewSectionReader) or any
// call that also receives the handle. Such a race mixes the length of a
// file swapped in with content read through the handle: whoever can swap
// the name could have swapped it before the open, and the reader gets a
// length mismatch, not another file's mode, owner or type (docs/design.md,
// "What does the race break?"). The size that sizes a read of the handle
// is a torn read of a file being replaced, and stays stat-by-name.
func sizeOnly(call *ssa.Call, h *effects.Handle) bool {
	res := ssakit.Results(call)
	if len(res) != 2 || res[0] == nil || res[0].Referrers() == nil || len(*res[0].Referrers()) == 0 {
		return false
	}
	for _, r := range *res[0].Referrers() {
		switch r := r.(type) {
		case *ssa.BinOp:
			if !ssakit.IsNil(r.X) && !ssakit.IsNil(r.Y) {
				return false
			}
		case *ssa.Call:
			if !r.Call.IsInvoke() || r.Call.Value != res[0] || r.Call.Method.Name() != "Size" || boundsRead(r, h, 0) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// boundsRead reports whether v, a size, reaches (through conversions,
// arithmetic and phis) the length of a make, a call of package io, or a
// call that also receives the handle h.
func boundsRead(v ssa.Value, h *effects.Handle, depth int) bool {
	if depth > 4 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.MakeSlice:
			return true
		case *ssa.Convert, *ssa.ChangeType, *ssa.BinOp, *ssa.Phi:
			if boundsRead(r.(ssa.Value), h, depth+1) {
				return true
			}
		case ssa.CallInstruction:
			common := r.Common()
			if fn := ssakit.Callee(common); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "io" {
				return true
			}
			if common.IsInvoke() && h.Aliases[common.Value] {
				return true
			}
			for _, a := range common.Args {
				if h.Aliases[a] {
					return true
				}
			}
		}
	}
	return false
}

// holdsOpen reports whether op acts by name on the file o opened while
// the handle is open: same path, o succeeded and dominates op, and some
// path from o to op does not close the file.
func (s *funcState) holdsOpen(o *effects.OpenSite, op *opSite) bool {
	if o.File == nil || o.OPath || !s.Dominates(o.Call, op.call) {
		return false
	}
	h := s.TrackHandle(o.File)
	if h.Unsure || !s.names(o, op.path, h) || !s.Succeeded(o, op.call.Block()) {
		return false
	}
	switch op.category {
	case StatByName:
		if h.Statted || comparedWithSameFile(op.call) {
			return false // comparing the name with the handle detects a replacement
		}
		if res := ssakit.Results(op.call); len(res) == 2 && unused(res[0]) {
			return false // only the error is used: it asks whether the name still exists
		}
	case TruncateByName:
		if o.Access == effects.AccessReadOnly {
			return false // the handle cannot truncate; nothing better is at hand
		}
	}
	return s.stillOpen(o, op.call, h) && !s.repointed(o, op)
}

// repointed reports whether a call between the open and op removes,
// renames or links the path: the code moves the name on purpose, and no
// longer expects it to name the open file.
func (s *funcState) repointed(o *effects.OpenSite, op *opSite) bool {
	if o.Path == nil {
		return false
	}
	for _, b := range s.Fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			entry, ok := fsops.Lookup(ssakit.Callee(&call.Call))
			if !ok {
				continue
			}
			for _, pa := range entry.Paths {
				switch pa.Op {
				case fsops.OpRemove, fsops.OpRemoveAll, fsops.OpRenameSrc, fsops.OpRenameDst, fsops.OpLinkNew:
				default:
					continue
				}
				if pa.Index < len(call.Call.Args) && pathflow.SamePath(call.Call.Args[pa.Index], o.Path) &&
					s.ReachesInstr(o.Call, call) && s.ReachesInstr(call, op.call) {
					return true
				}
			}
		}
	}
	return false
}

// unused reports whether no instruction uses v (the FileInfo of
// _, err := os.Stat(p)).
func unused(v ssa.Value) bool {
	return v == nil || v.Referrers() == nil || len(*v.Referrers()) == 0
}

// comparedWithSameFile reports whether the FileInfo a stat returns is
// passed to os.SameFile.
func comparedWithSameFile(call *ssa.Call) bool {
	res := ssakit.Results(call)
	if len(res) != 2 || res[0] == nil {
		return false
	}
	for _, r := range *res[0].Referrers() {
		c, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if fn := ssakit.Callee(&c.Call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "os" && fn.Name() == "SameFile" {
			return true
		}
	}
	return false
}

// What each category does to the file, and what that lets a replacement do.
var (
	verbs = map[string]string{
		ChmodByName:    "changes the mode of",
		ChownByName:    "changes the owner of",
		ChtimesByName:  "changes the times of",
		TruncateByName: "truncates",
		StatByName:     "examines",
	}
	consequences = map[string]string{
		ChmodByName:    "another process can replace the name in between and the change lands on the replacement",
		ChownByName:    "another process can replace the name in between and the change lands on the replacement",
		ChtimesByName:  "another process can replace the name in between and the change lands on the replacement",
		TruncateByName: "another process can replace the name in between and the replacement is truncated",
		StatByName:     "another process can replace the name in between and the answer describes the replacement",
	}
)

// remedy is the parenthesized advice of a message, naming the handle.
func remedy(op *opSite, handle string) string {
	std := op.callee.Pkg().Path() == "os"
	switch op.category {
	case ChmodByName:
		return "use " + handle + ".Chmod"
	case ChownByName:
		return "use " + handle + ".Chown"
	case TruncateByName:
		return "use " + handle + ".Truncate"
	case ChtimesByName:
		return fmt.Sprintf("no *os.File method sets times; unix.Futimes(int(%s.Fd()), …) sets them through the handle", handle)
	case StatByName:
		switch {
		case !std:
			return fmt.Sprintf("use %s.Stat, or Fstat on %s.Fd()", handle, handle)
		case op.op.NoFollow:
			return "use " + handle + ".Stat, and os.SameFile to compare it with the name"
		}
		return "use " + handle + ".Stat"
	}
	return ""
}

// report reports op, which acts by name on the file o holds open.
func (st *state) report(s *funcState, o *effects.OpenSite, op *opSite) {
	useCall := st.syn.Call(op.call.Call.Pos())
	openCall := st.syn.Call(o.Call.Call.Pos())
	if useCall == nil || openCall == nil || len(useCall.Args) == 0 || !st.reportable(useCall.Pos()) {
		return
	}
	handle := st.handleExpr(openCall, o.FileIx)
	if handle == nil {
		return // no variable holds the file: there is no handle at hand
	}
	handleText := types.ExprString(handle)
	opName, openName := analysisutil.FuncName(op.callee), analysisutil.FuncName(o.Callee)
	diag := analysis.Diagnostic{
		Pos:      useCall.Pos(),
		End:      useCall.End(),
		Category: op.category,
		Message: fmt.Sprintf("%s %s %s by name while %s, opened from it, is still open; %s (%s)",
			opName, verbs[op.category], types.ExprString(useCall.Args[0]), handleText,
			consequences[op.category], remedy(op, handleText)),
		Related: []analysis.RelatedInformation{{
			Pos:     openCall.Pos(),
			End:     openCall.End(),
			Message: fmt.Sprintf("%s opened %s here", openName, handleText),
		}},
	}
	if f := st.syn.File(useCall.Pos()); f != nil && !analysisutil.CgoRewritten(f) &&
		!s.closedOnSomePath(o, op.call, s.TrackHandle(o.File)) {
		// (a fix's positions in a file cgo rewrote are not the user's file;
		// and where some path closes the file first, the handle's method
		// would fail there with os.ErrClosed)
		if fix := st.fix(o, op, handle, useCall); fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	if op.category == StatByName && sizeOnly(op.call, s.TrackHandle(o.File)) {
		diag.Category = StatSizeOnly
		diag.Message += "; only the size is used"
	}
	st.demote(&diag, op)
	st.pass.Report(diag)
}

// handleExpr returns the expression that receives the file of an open
// call: the left-hand side at index fileIx of the assignment or
// declaration whose only value is the call. It returns nil when the file
// is not assigned, or assigned to the blank identifier.
func (st *state) handleExpr(openCall *ast.CallExpr, fileIx int) ast.Expr {
	f := st.syn.File(openCall.Pos())
	if f == nil {
		return nil
	}
	path, _ := fixutil.EnclosingPath(f, openCall.Pos(), openCall.End())
	var lhs ast.Expr
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ParenExpr:
			continue
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == openCall && fileIx < len(n.Lhs) {
				lhs = n.Lhs[fileIx]
			}
		case *ast.ValueSpec:
			if len(n.Values) == 1 && ast.Unparen(n.Values[0]) == openCall && fileIx < len(n.Names) {
				lhs = n.Names[fileIx]
			}
		}
		break
	}
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return nil
	}
	return lhs
}
