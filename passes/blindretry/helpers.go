package blindretry

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// cbMode is how a retry helper decides from its callback's results
// whether to call it again.
type cbMode uint8

const (
	// cbError: again when the callback returns a non-nil error, unless
	// the error is marked permanent (backoff.Permanent, retry.Unrecoverable).
	cbError cbMode = iota
	// cbRetryable: again only when the error is marked retryable
	// (sethvargo/go-retry's retry.RetryableError).
	cbRetryable
	// cbCondition: again when the condition returns (false, nil)
	// (k8s.io/apimachinery/pkg/util/wait).
	cbCondition
)

// helperFuncs is the table of the retry helpers of known libraries, by
// import path and function name.
var helperFuncs = map[string]map[string]cbMode{
	"github.com/cenkalti/backoff":    backoffV4,
	"github.com/cenkalti/backoff/v2": backoffV4,
	"github.com/cenkalti/backoff/v3": backoffV4,
	"github.com/cenkalti/backoff/v4": backoffV4,
	"github.com/cenkalti/backoff/v5": {"Retry": cbError},
	"github.com/avast/retry-go":      {"Do": cbError},
	"github.com/avast/retry-go/v4":   {"Do": cbError, "DoWithData": cbError},
	"github.com/sethvargo/go-retry":  {"Do": cbRetryable},
	"k8s.io/apimachinery/pkg/util/wait": {
		"ExponentialBackoff":               cbCondition,
		"ExponentialBackoffWithContext":    cbCondition,
		"Poll":                             cbCondition,
		"PollImmediate":                    cbCondition,
		"PollInfinite":                     cbCondition,
		"PollImmediateInfinite":            cbCondition,
		"PollWithContext":                  cbCondition,
		"PollImmediateWithContext":         cbCondition,
		"PollInfiniteWithContext":          cbCondition,
		"PollImmediateInfiniteWithContext": cbCondition,
		"PollUntil":                        cbCondition,
		"PollImmediateUntil":               cbCondition,
		"PollUntilWithContext":             cbCondition,
		"PollImmediateUntilWithContext":    cbCondition,
		"PollUntilContextTimeout":          cbCondition,
		"PollUntilContextCancel":           cbCondition,
	},
}

var backoffV4 = map[string]cbMode{
	"Retry":                       cbError,
	"RetryNotify":                 cbError,
	"RetryNotifyWithTimer":        cbError,
	"RetryWithData":               cbError,
	"RetryNotifyWithData":         cbError,
	"RetryNotifyWithTimerAndData": cbError,
}

// helperPackage reports whether path is the import path of a retry
// library the pass knows (or of go-retryablehttp).
func helperPackage(path string) bool {
	_, ok := helperFuncs[path]
	return ok || path == retryableHTTPPath
}

// A helperCall is a call of a retry helper: a library function of the
// table or a function of the analyzed code known to retry its callback.
type helperCall struct {
	call      ssa.CallInstruction
	name      string
	mode      cbMode
	cb        ssa.Value // the callback argument
	onTimeout bool      // the helper retries only after a timeout
}

// helperOf returns the retry helper call instr makes, or nil.
func (st *state) helperOf(instr ssa.CallInstruction) *helperCall {
	common := instr.Common()
	fn := ssakit.Callee(common)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if mode, ok := helperFuncs[fn.Pkg().Path()][fn.Name()]; ok && ssakit.RecvName(fn) == "" {
		for _, a := range common.Args {
			if _, isFunc := a.Type().Underlying().(*types.Signature); isFunc {
				if disablesRetry(common.Args) {
					return nil
				}
				return &helperCall{call: instr, name: funcName(fn), mode: mode, cb: a}
			}
		}
		return nil
	}
	if f := st.retriesFact(fn); f != nil && f.Param < len(common.Args) {
		return &helperCall{call: instr, name: funcName(fn), mode: cbError, cb: common.Args[f.Param], onTimeout: f.OnTimeout}
	}
	return nil
}

// disablesRetry reports whether the options of a helper call turn its
// retries off, or give it a predicate we cannot read: retry.Attempts(1),
// retry.RetryIf(...), backoff.WithMaxTries(1), backoff.WithMaxRetries(b, 0),
// &backoff.StopBackOff{}.
func disablesRetry(args []ssa.Value) bool {
	for _, a := range args {
		for _, v := range optionValues(a) {
			call, ok := v.(*ssa.Call)
			if !ok {
				if isStopBackOff(v) {
					return true
				}
				continue
			}
			fn := ssakit.Callee(&call.Call)
			if fn == nil || fn.Pkg() == nil {
				continue
			}
			path, cargs := fn.Pkg().Path(), call.Call.Args
			switch {
			case strings.HasPrefix(path, "github.com/avast/retry-go") && fn.Name() == "RetryIf":
				return true
			case strings.HasPrefix(path, "github.com/avast/retry-go") && fn.Name() == "Attempts",
				strings.HasPrefix(path, "github.com/cenkalti/backoff") && fn.Name() == "WithMaxTries":
				if len(cargs) == 1 && intConst(cargs[0]) == 1 {
					return true
				}
			case strings.HasPrefix(path, "github.com/cenkalti/backoff") && fn.Name() == "WithMaxRetries":
				if len(cargs) == 2 && intConst(cargs[1]) == 0 {
					return true
				}
			}
		}
	}
	return false
}

// optionValues returns v, or the elements of a variadic ...Option slice.
func optionValues(v ssa.Value) []ssa.Value {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return []ssa.Value{ssakit.Unconvert(v)}
	}
	arr, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				out = append(out, ssakit.Unconvert(st.Val))
			}
		}
	}
	return out
}

// isStopBackOff reports whether v is &backoff.StopBackOff{}.
func isStopBackOff(v ssa.Value) bool {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return false
	}
	p, ok := a.Type().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == "StopBackOff" && n.Obj().Pkg() != nil &&
		strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/cenkalti/backoff")
}

// intConst returns the value of an integer constant, or -1.
func intConst(v ssa.Value) int64 {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return -1
	}
	n, ok := constant.Int64Val(k.Value)
	if !ok {
		return -1
	}
	return n
}

// callbackFunc returns the function a callback argument evaluates to: a
// function literal (with or without free variables), a named function, or
// nil for anything else.
func callbackFunc(v ssa.Value) *ssa.Function {
	switch x := ssakit.Unconvert(v).(type) {
	case *ssa.MakeClosure:
		fn, _ := x.Fn.(*ssa.Function)
		return fn
	case *ssa.Function:
		return x
	}
	return nil
}

// again returns the rule by which the helper's callback asks for another
// attempt.
func (h *helperCall) again() func(r *ssa.Return, m mode, f *errFlow) bool {
	return againRule(h.mode)
}

// againRule returns, for a helper's way of deciding, whether a return of
// the callback asks for another attempt under a mode.
func againRule(cb cbMode) func(r *ssa.Return, m mode, f *errFlow) bool {
	return func(r *ssa.Return, m mode, f *errFlow) bool {
		n := len(r.Results)
		if n == 0 {
			return false
		}
		errv := r.Results[n-1]
		switch cb {
		case cbError:
			return f.nilnessOf(errv, m, 0) == nonNil && !isStopWrapper(errv)
		case cbRetryable:
			call, ok := ssakit.Unconvert(errv).(*ssa.Call)
			if !ok || !isFunc(ssakit.Callee(&call.Call), "github.com/sethvargo/go-retry", "RetryableError") {
				return false
			}
			return len(call.Call.Args) == 1 && f.nilnessOf(call.Call.Args[0], m, 0) == nonNil
		case cbCondition:
			done, known := f.boolUnder(r.Results[0], m)
			return n == 2 && known && !done && f.nilnessOf(errv, m, 0) == isNil
		}
		return false
	}
}

// isStopWrapper reports whether v marks an error as final:
// backoff.Permanent(err) or retry.Unrecoverable(err).
func isStopWrapper(v ssa.Value) bool {
	call, ok := ssakit.Unconvert(v).(*ssa.Call)
	if !ok {
		return false
	}
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	return strings.HasPrefix(path, "github.com/cenkalti/backoff") && fn.Name() == "Permanent" ||
		strings.HasPrefix(path, "github.com/avast/retry-go") && fn.Name() == "Unrecoverable"
}
