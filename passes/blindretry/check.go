package blindretry

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// checkFunc reports the operations of fn that a retry repeats: in a retry
// loop of fn, through a go-retryablehttp client, or in the callback of a
// retry helper that fn calls.
func (st *state) checkFunc(fn *ssa.Function) {
	if fn.Blocks == nil {
		return
	}
	var loops []*loop
	for _, o := range st.ops(fn) {
		if o.category == RetryableHTTPPost {
			st.reportRetryableHTTP(o)
			continue
		}
		if o.category == "" && !reportTimeouts {
			continue
		}
		if loops == nil {
			loops = loopsOf(fn)
		}
		if l, onlyTimeout, ok := st.retriedByLoop(o, loops); ok {
			st.reportRetry(o, onlyTimeout, region{fn: fn, blocks: l.blocks}, st.loopRelated(l, o))
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok {
				if h := st.helperOf(ci); h != nil {
					st.checkHelper(h)
				}
			}
		}
	}
}

// retriedByLoop returns the innermost retry loop that calls the operation
// again after it failed: the loop is shaped for retries (not a range over
// items), the operation acts on the same values on every iteration, a
// failure leads back to the loop's header and a success leaves the loop.
// onlyTimeout: only a timeout leads back.
func (st *state) retriedByLoop(o *opSite, loops []*loop) (l *loop, onlyTimeout, ok bool) {
	for _, l := range loops {
		if !l.blocks[o.call.Block()] || !l.retryShaped {
			continue
		}
		for _, v := range o.items {
			if iterates(v, l, 0) {
				return nil, false, false // a loop over items
			}
		}
		f := newErrFlow(o.err)
		sc := scope{loop: l}
		if o.category == RetriedAnyMethod {
			// Whatever the method: an error any retryable-error
			// predicate may match (a timeout, a reset connection) is
			// enough, since the loop never asks what the request was.
			if again, _ := f.explore(o.call.Block(), failRetryable, sc); !again {
				continue
			}
			if _, leaves := f.explore(o.call.Block(), succeeded, sc); !leaves {
				continue // success goes on looping: not a retry
			}
			return l, false, true
		}
		if again, _ := f.explore(o.call.Block(), failTimeout, sc); !again {
			continue // not even a timeout leads to another attempt
		}
		generic, _ := f.explore(o.call.Block(), failGeneric, sc)
		if _, leaves := f.explore(o.call.Block(), succeeded, sc); !leaves {
			continue // success goes on looping: not a retry
		}
		return l, !generic, true
	}
	return nil, false, false
}

// checkHelper reports the operations in the callback of a retry helper
// whose failure makes the helper call the callback again.
func (st *state) checkHelper(h *helperCall) {
	cb := callbackFunc(h.cb)
	if cb == nil || cb.Blocks == nil {
		return
	}
	if cb.Parent() == nil { // a named function or method value
		obj, ok := cb.Object().(*types.Func)
		if !ok {
			return
		}
		if f := st.performsFact(obj); f != nil {
			st.reportNamedCallback(h, obj, f)
		}
		return
	}
	for _, o := range st.ops(cb) {
		if o.category == RetryableHTTPPost || o.category == "" && !reportTimeouts {
			continue
		}
		f := newErrFlow(o.err)
		sc := scope{again: h.again()}
		if again, _ := f.explore(o.call.Block(), failTimeout, sc); !again {
			continue
		}
		generic, _ := f.explore(o.call.Block(), failGeneric, sc)
		if _, leaves := f.explore(o.call.Block(), succeeded, sc); !leaves {
			continue
		}
		st.reportRetry(o, !generic || h.onTimeout, region{fn: cb}, st.helperRelated(h))
	}
}

// summarize computes the facts of the package's named functions, callees
// before callers (ssakit.BottomUp), so that wrappers of wrappers are found
// at any depth.
func (st *state) summarize(g *ssakit.CallGraph) {
	ssakit.BottomUp(g, func(fn *ssa.Function) bool {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Blocks == nil {
			return false
		}
		changed := false
		if st.performs[obj] == nil {
			if f := st.performsSummary(fn); f != nil {
				st.performs[obj] = f
				changed = true
			}
		}
		if st.retries[obj] == nil {
			if f := st.retriesSummary(fn); f != nil {
				st.retries[obj] = f
				changed = true
			}
		}
		return changed
	})
}

// performsSummary returns the fact of a function that performs a
// non-idempotent operation, without retrying it itself, and returns an
// error when the operation fails.
func (st *state) performsSummary(fn *ssa.Function) *PerformsFact {
	results := fn.Signature.Results()
	n := results.Len()
	if n == 0 || !ssakit.IsError(results.At(n-1).Type()) {
		return nil
	}
	var loops []*loop
	for _, o := range st.ops(fn) {
		switch o.category {
		case RetriedHTTPWrite, RetriedSQLWrite, KeyPerAttempt:
		case RetriedAnyMethod:
			if o.methodParam <= 0 || o.call.Parent() != fn {
				continue
			}
		default:
			continue
		}
		if loops == nil {
			loops = loopsOf(fn)
		}
		if _, _, retried := st.retriedByLoop(o, loops); retried {
			continue // reported where it is retried
		}
		f := newErrFlow(o.err)
		if propagates, _ := f.explore(o.call.Block(), failGeneric, scope{again: againRule(cbError)}); !propagates {
			continue // its failure is not the function's
		}
		if o.category == RetriedAnyMethod {
			// an SDK's do(ctx, method, path, body): its callers say
			// which method
			return &PerformsFact{Category: RetriedHTTPWrite, What: "sends an HTTP request", Err: n - 1, MethodParam: o.methodParam}
		}
		cat, what := o.category, o.what
		if len(o.keys) > 0 && cat == RetriedHTTPWrite {
			if !allPerAttempt(o.keys, region{fn: fn}) {
				continue // it sends a key; whether the key is stable is the caller's business
			}
			cat, what = KeyPerAttempt, what+" with an idempotency key it makes anew on every call"
		}
		return &PerformsFact{Category: cat, What: what, Err: n - 1}
	}
	return nil
}

// retriesSummary returns the fact of a function that calls a function
// parameter again after it returned an error: in a retry loop, or by
// handing it to a retry helper.
func (st *state) retriesSummary(fn *ssa.Function) *RetriesFact {
	var loops []*loop
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if call, ok := ci.(*ssa.Call); ok && !call.Call.IsInvoke() {
				if p, ok := call.Call.Value.(*ssa.Parameter); ok {
					i, err := ssakit.ParamIndex(fn, p), errorResult(call)
					if i >= 0 && err != nil {
						if loops == nil {
							loops = loopsOf(fn)
						}
						if _, onlyTimeout, ok := st.retriedByLoop(&opSite{call: call, err: err}, loops); ok {
							return &RetriesFact{Param: i, OnTimeout: onlyTimeout}
						}
					}
				}
			}
			if h := st.helperOf(ci); h != nil && h.mode == cbError {
				if p, ok := ssakit.Unconvert(h.cb).(*ssa.Parameter); ok {
					if i := ssakit.ParamIndex(fn, p); i >= 0 {
						return &RetriesFact{Param: i, OnTimeout: h.onTimeout}
					}
				}
			}
		}
	}
	return nil
}

// allPerAttempt reports whether every key value is made anew in the region.
func allPerAttempt(keys []ssa.Value, r region) bool {
	for _, k := range keys {
		if keyStateOf(k, r, 0) != keyPerAttempt {
			return false
		}
	}
	return len(keys) > 0
}

// performsFact returns what the analyzed code knows of fn as a function
// that performs a non-idempotent operation.
func (st *state) performsFact(fn *types.Func) *PerformsFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.performs[fn]
	}
	var f PerformsFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// retriesFact returns what the analyzed code knows of fn as a retry helper.
func (st *state) retriesFact(fn *types.Func) *RetriesFact {
	if fn.Pkg() == st.pass.Pkg {
		return st.retries[fn]
	}
	var f RetriesFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// configuresRetryableHTTP reports whether the package sets the retry
// policy of a go-retryablehttp client (CheckRetry, or RetryMax = 0) in an
// instruction of funcs for which keep (if not nil) is true.
func configuresRetryableHTTP(funcs []*ssa.Function, keep func(ssa.Instruction) bool) bool {
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				store, ok := instr.(*ssa.Store)
				if !ok || keep != nil && !keep(store) {
					continue
				}
				fa, ok := store.Addr.(*ssa.FieldAddr)
				if !ok || !isRetryableClient(fa.X.Type()) {
					continue
				}
				s := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
				switch s.Field(fa.Field).Name() {
				case "CheckRetry":
					if !ssakit.IsNil(store.Val) {
						return true
					}
				case "RetryMax":
					if intConst(store.Val) == 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// isRetryableClient reports whether t is *retryablehttp.Client.
func isRetryableClient(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "Client" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == retryableHTTPPath
}
