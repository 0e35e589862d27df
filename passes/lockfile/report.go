package lockfile

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/ssakit"
)

// reportLeaks reports the exits of one acquisition that leave the lock
// file behind as one diagnostic: it is one race however many early returns
// leak it, so the first exit in source order carries the report and the
// others are related locations.
func (st *state) reportLeaks(sa *siteAnalysis, leaks []leak) {
	acq := st.syn.Call(sa.s.call.Call.Pos())
	path := st.pathText(sa.s, acq)
	if acq == nil || path == "" {
		return
	}
	type exitAt struct {
		l        leak
		pos, end token.Pos
	}
	var exits []exitAt
	for _, l := range leaks {
		pos, end := st.exitRange(sa.fn, l.exit)
		if !pos.IsValid() || !st.reportable(pos) {
			continue
		}
		key := reportKey{at: pos, cat: ReleasedOnSomePaths, acq: sa.s.call}
		if st.reports[key] {
			continue
		}
		st.reports[key] = true
		exits = append(exits, exitAt{l, pos, end})
	}
	if len(exits) == 0 {
		return
	}
	sort.SliceStable(exits, func(i, j int) bool { return exits[i].pos < exits[j].pos })
	diag := st.leakDiagnostic(sa, exits[0].l, acq, path, exits[0].pos, exits[0].end)
	for _, e := range exits[1:] {
		what := "return"
		if _, ok := e.l.exit.(*ssa.Panic); ok {
			what = "exit"
		}
		diag.Related = append(diag.Related, analysis.RelatedInformation{
			Pos:     e.pos,
			End:     e.end,
			Message: fmt.Sprintf("this %s also leaves lock file %s behind", what, path),
		})
	}
	st.pass.Report(diag)
}

// leakDiagnostic is the report of an exit that leaves the lock file behind.
func (st *state) leakDiagnostic(sa *siteAnalysis, l leak, acq *ast.CallExpr, path string, pos, end token.Pos) analysis.Diagnostic {
	by := funcName(sa.s.callee)
	var msg string
	switch x := l.exit.(type) {
	case *ssa.Return:
		msg = fmt.Sprintf("return leaves lock file %s behind after %s acquired it; "+
			"later runs will find the lock held forever (remove it on this path too, or defer its removal right after acquiring it)",
			path, by)
	case *ssa.Panic:
		switch c := noReturnCall(x); {
		case l.exitCall != nil:
			msg = fmt.Sprintf("%s exits without running the deferred removal of lock file %s, which %s acquired; "+
				"later runs will find the lock held forever (remove it before exiting, or return and exit after the removal)",
				funcName(ssakit.Callee(&l.exitCall.Call)), path, by)
		case c != nil && ssakit.Callee(&c.Call) != nil:
			msg = fmt.Sprintf("%s exits leaving lock file %s behind after %s acquired it; "+
				"later runs will find the lock held forever (remove it before exiting)",
				funcName(ssakit.Callee(&c.Call)), path, by)
		default:
			msg = fmt.Sprintf("panic leaves lock file %s behind after %s acquired it, with no deferred removal; "+
				"later runs will find the lock held forever (defer its removal right after acquiring it)",
				path, by)
		}
	}
	diag := analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: ReleasedOnSomePaths,
		Message:  msg,
		Related: []analysis.RelatedInformation{{
			Pos:     acq.Pos(),
			End:     acq.End(),
			Message: fmt.Sprintf("%s acquired lock file %s here", by, path),
		}},
	}
	if fix := st.fixLeak(sa, acq, path); fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	return diag
}

// reportOpaque reports a return that gives the caller an error naming no
// file when the lock is held.
func (st *state) reportOpaque(sa *siteAnalysis, h heldReturn) {
	acq := st.syn.Call(sa.s.call.Call.Pos())
	path := st.pathText(sa.s, acq)
	pos, end := st.exitRange(sa.fn, h.ret)
	if acq == nil || path == "" || !pos.IsValid() || !st.reportable(pos) {
		return
	}
	key := reportKey{at: pos, cat: OpaqueHeldError, acq: sa.s.call}
	if st.reports[key] {
		return
	}
	st.reports[key] = true
	sees := "file exists"
	if strings.HasSuffix(h.what, "ErrExist") {
		sees = "file already exists"
	}
	diag := analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: OpaqueHeldError,
		Message: fmt.Sprintf("return gives %s when lock file %s is held; "+
			"the user sees only %q and cannot tell which file to remove after a crash "+
			"(wrap it with fmt.Errorf and %%w, naming the lock file and how to clear a stale one)",
			h.what, path, sees),
		Related: []analysis.RelatedInformation{{
			Pos:     acq.Pos(),
			End:     acq.End(),
			Message: fmt.Sprintf("%s found lock file %s held here", funcName(sa.s.callee), path),
		}},
	}
	if fix := st.fixOpaque(sa, h, acq); fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	st.pass.Report(diag)
}

// reportStale reports an exclusive-create lock with no stale-lock
// recovery.
func (st *state) reportStale(sa *siteAnalysis) {
	acq := st.syn.Call(sa.s.call.Call.Pos())
	path := st.pathText(sa.s, acq)
	if acq == nil || path == "" || !st.reportable(acq.Pos()) {
		return
	}
	key := reportKey{at: acq.Pos(), cat: StaleLockNoRecovery, acq: sa.s.call}
	if st.reports[key] {
		return
	}
	st.reports[key] = true
	st.pass.Report(analysis.Diagnostic{
		Pos:      acq.Pos(),
		End:      acq.End(),
		Category: StaleLockNoRecovery,
		Message: fmt.Sprintf("%s creates lock file %s with nothing in it to tell a stale lock from a held one; "+
			"if its holder crashes, every later run finds it held forever "+
			"(use an advisory flock/fcntl lock, which the kernel releases when the holder dies, "+
			"or write the pid into the lock file and check it when the lock is held)",
			funcName(sa.s.callee), path),
	})
}

// exitRange returns the source range of an exit: the return statement
// (the closing brace of the body for an implicit return), or the call
// that panics or exits.
func (st *state) exitRange(fn *ssa.Function, exit ssa.Instruction) (token.Pos, token.Pos) {
	switch x := exit.(type) {
	case *ssa.Return:
		if ret := st.syn.Return(x.Pos()); ret != nil {
			return ret.Pos(), ret.End()
		}
		if !x.Pos().IsValid() {
			var body *ast.BlockStmt
			switch syn := fn.Syntax().(type) {
			case *ast.FuncDecl:
				body = syn.Body
			case *ast.FuncLit:
				body = syn.Body
			}
			if body != nil {
				return body.Rbrace, body.Rbrace + 1
			}
		}
	case *ssa.Panic:
		if call := st.syn.Call(x.Pos()); call != nil {
			return call.Pos(), call.End()
		}
	}
	return token.NoPos, token.NoPos
}

// pathText is how messages name the lock file: the path argument of the
// acquisition as written, or the field of the lock value.
func (st *state) pathText(s *site, call *ast.CallExpr) string {
	arg := st.syn.Arg(call, s.arg)
	if arg == nil {
		return ""
	}
	text := types.ExprString(arg)
	if s.field != "" {
		text += "." + s.field
	}
	return text
}

// funcName is how messages name a function: os.OpenFile, iox.SafeTryLock,
// (*Lock).TryLock, with a method whose receiver is written with an alias
// named by the aliased type.
func funcName(fn *types.Func) string {
	return analysisutil.Namer{Unalias: true}.FuncName(fn)
}
