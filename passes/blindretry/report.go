package blindretry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/internal/fixutil"
)

// Messages, by category. The verbs are: the function, what it does, and
// what leads to the next attempt ("an error" or "a timeout").
var messages = map[string]string{
	RetriedHTTPWrite: "%s %s again after %s; the failed attempt may have reached the server (a timeout is not a failure), " +
		"so the request can take effect twice (create an idempotency key once before the retries and send it with every attempt, " +
		"or do not retry when the outcome is unknown)",
	RetriedSQLWrite: "%s %s again after %s; the failed attempt may have committed (a timeout is not a failure), " +
		"so the change can be applied twice (make the statement idempotent, e.g. INSERT ... ON CONFLICT on a key created once before the retries, " +
		"or do not retry when the outcome is unknown)",
	KeyPerAttempt: "%s %s again after %s with a new idempotency key on every attempt; the server cannot tell the attempts apart, " +
		"so the request can take effect twice (create the key once before the retries and send the same key on every attempt)",
	RetriedRPCWrite: "%s %s again after %s; the failed attempt may have been applied (a timeout is not a failure), " +
		"so the write can take effect twice (make it conditional on a revision read once before the retries, " +
		"or do not retry when the outcome is unknown)",
	RetriedAnyMethod: "%s %s again after %s; a POST or PATCH whose failed attempt reached the server can take effect twice " +
		"(retry only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) or requests that carry an idempotency key)",
	RetryOnTimeout: "%s%s is called again after %s; a timeout is not a failure: the first call may have completed, " +
		"so an operation that is not idempotent happens twice (make it idempotent with a key created once before the retries, " +
		"or do not retry after a timeout)",
}

// reportRetry reports an operation that a retry repeats. r is the code
// that runs once per attempt, to judge the request's idempotency key.
func (st *state) reportRetry(o *opSite, onlyTimeout bool, r region, rel *analysis.RelatedInformation) {
	cat := o.category
	if cat == "" {
		if !onlyTimeout {
			return // idempotency unknown and retried after any error: no claim
		}
		cat = RetryOnTimeout
	}
	if cat == RetriedHTTPWrite && carriesID(o.items, r) {
		return // a client-made id, made once, travels with every attempt
	}
	if cat == RetriedHTTPWrite && r.blocks != nil && bestEffort(r.fn) {
		return // at-least-once delivery (logs, metrics): nobody learns of a failure, a duplicate beats a loss
	}
	if cat == RetriedHTTPWrite && len(o.keys) > 0 {
		if !allPerAttempt(o.keys, r) {
			return // a key made once (or that we cannot judge): the server can deduplicate
		}
		cat = KeyPerAttempt
	}
	trigger := "an error"
	if onlyTimeout {
		trigger = "a timeout"
	}
	var msg string
	switch {
	case cat == KeyPerAttempt && len(o.keys) == 0: // a wrapper that makes its own key
		msg = fmt.Sprintf("%s %s, and runs again after %s; the server cannot tell the attempts apart, "+
			"so the request can take effect twice (take the key as a parameter, create it once before the retries and pass the same key to every attempt)",
			o.name, o.what, trigger)
	case cat == RetryOnTimeout:
		msg = fmt.Sprintf(messages[cat], o.name, "", trigger)
	default:
		msg = fmt.Sprintf(messages[cat], o.name, o.what, trigger)
	}
	st.report(o.call.Pos(), cat, msg, rel)
}

// reportRetryableHTTP reports a POST or PATCH sent through a
// go-retryablehttp client, which retries it by default.
func (st *state) reportRetryableHTTP(o *opSite) {
	msg := fmt.Sprintf("%s %s through a go-retryablehttp client, which sends it again after connection errors and 5xx responses; "+
		"the failed attempt may have reached the server, so the request can take effect twice "+
		"(send an Idempotency-Key header created once per operation, or give the client a CheckRetry that does not retry non-idempotent requests)",
		o.name, o.what)
	st.report(o.call.Pos(), RetryableHTTPPost, msg, nil)
}

// reportNamedCallback reports a retry helper called with a named function
// that performs a non-idempotent operation.
func (st *state) reportNamedCallback(h *helperCall, fn *types.Func, f *PerformsFact) {
	msg := fmt.Sprintf("%s calls %s again after an error; it %s and the failed attempt may have taken effect (a timeout is not a failure), "+
		"so it can happen twice (create an idempotency key once before the retries and send it with every attempt, "+
		"or do not retry when the outcome is unknown)", h.name, funcName(fn), f.What)
	rel := &analysis.RelatedInformation{Pos: fn.Pos(), Message: fmt.Sprintf("%s %s", funcName(fn), f.What)}
	st.report(h.call.Pos(), f.Category, msg, rel)
}

// report emits one diagnostic at the call whose opening parenthesis is at
// lparen, once per call.
func (st *state) report(lparen token.Pos, cat, msg string, rel *analysis.RelatedInformation) {
	call := st.syn.Call(lparen)
	if call == nil || st.reported[call.Pos()] || !st.syn.Reportable(call.Pos(), includeTests) {
		return
	}
	st.reported[call.Pos()] = true
	diag := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: cat, Message: msg}
	if rel != nil && rel.Pos.IsValid() {
		diag.Related = []analysis.RelatedInformation{*rel}
	}
	st.pass.Report(diag)
}

// loopRelated points at the for statement of a retry loop: the innermost
// loop statement around the operation that holds all of the loop's code.
func (st *state) loopRelated(l *loop, o *opSite) *analysis.RelatedInformation {
	lo, hi := token.NoPos, token.NoPos
	for b := range l.blocks {
		for _, instr := range b.Instrs {
			if p := instr.Pos(); p.IsValid() {
				if !lo.IsValid() || p < lo {
					lo = p
				}
				if p > hi {
					hi = p
				}
			}
		}
	}
	f := st.syn.File(o.call.Pos())
	if f == nil {
		return nil
	}
	path, _ := fixutil.EnclosingPath(f, o.call.Pos(), o.call.Pos())
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= lo && hi < n.End() {
				return &analysis.RelatedInformation{Pos: n.Pos(), End: n.Pos() + token.Pos(len("for")),
					Message: "this loop makes another attempt after it fails"}
			}
		}
	}
	return nil
}

// helperRelated points at the call of a retry helper.
func (st *state) helperRelated(h *helperCall) *analysis.RelatedInformation {
	call := st.syn.Call(h.call.Pos())
	if call == nil {
		return nil
	}
	var when string
	switch h.mode {
	case cbRetryable:
		when = "when it returns retry.RetryableError"
	case cbCondition:
		when = "when it returns false and a nil error"
	default:
		when = "when it returns an error"
		if h.onTimeout {
			when = "when it returns a timeout"
		}
	}
	return &analysis.RelatedInformation{Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s calls the function again %s", h.name, when)}
}
