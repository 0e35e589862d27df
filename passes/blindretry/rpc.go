package blindretry

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// RetriedRPCWrite is the category of a write of a well-known RPC client
// (etcd's KV Put, a Txn's Commit) retried after an error.
const RetriedRPCWrite = "retried-rpc-write"

// rpcWrites are the writes of well-known gRPC clients, by package path
// and "Recv.Method", with what messages say they do.
var rpcWrites = map[string]map[string]string{
	"go.etcd.io/etcd/client/v3": {"KV.Put": "writes a key", "Txn.Commit": "commits a transaction"},
	"go.etcd.io/etcd/clientv3":  {"KV.Put": "writes a key", "Txn.Commit": "commits a transaction"},
}

// classifyRPC classifies a call of a well-known RPC client's method, by
// its package path and "Recv.Method" key; nil when it is no known write.
func classifyRPC(o *opSite, path, key string) *opSite {
	what, ok := rpcWrites[path][key]
	if !ok {
		return nil
	}
	o.category, o.what = RetriedRPCWrite, what
	return o
}

// methodParamOp classifies a call of a function of the analyzed code
// that sends an HTTP request with the method from one of its parameters
// (a fact's MethodParam): a POST or PATCH there is a write, another
// constant method is safe, and a method the pass cannot read is unknown.
func methodParamOp(o *opSite, f *PerformsFact) *opSite {
	args := o.call.Call.Args
	if f.MethodParam >= len(args) {
		return nil
	}
	k, ok := args[f.MethodParam].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		o.category, o.what = "", ""
		return o // idempotency unknown
	}
	switch m := constant.StringVal(k.Value); m {
	case "POST", "PATCH":
		o.category, o.what = RetriedHTTPWrite, "sends an HTTP "+m+" request"
		return o
	}
	return nil
}

// carriesID reports whether one of the values an operation sends (its
// arguments, a request's URL and body) is computed from a fresh
// identifier (a UUID, a ULID, an xid) made before the retry began: a
// client-made id the server can deduplicate attempts on, such as a
// message id in an event's body.
func carriesID(items []ssa.Value, r region) bool {
	seen := map[ssa.Value]bool{}
	var from func(v ssa.Value, depth int) bool
	from = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 10 || seen[v] {
			return false
		}
		seen[v] = true
		depth++
		switch v := v.(type) {
		case *ssa.Call:
			if fn := ssakit.Callee(&v.Call); fn != nil && fn.Pkg() != nil && idSource(fn.Pkg().Path(), fn.Name()) {
				return !r.has(v.Block()) // made once, before the attempts
			}
			if v.Call.IsInvoke() && from(v.Call.Value, depth) {
				return true
			}
			for _, a := range v.Call.Args {
				if from(a, depth) {
					return true
				}
			}
		case *ssa.Extract:
			return from(v.Tuple, depth)
		case *ssa.UnOp:
			if v.Op == token.MUL {
				if a, ok := v.X.(*ssa.Alloc); ok {
					return from(a, depth)
				}
			}
			return from(v.X, depth)
		case *ssa.Alloc:
			// a struct or array literal: the values stored into its parts
			for _, ref := range *v.Referrers() {
				var addr ssa.Value
				switch x := ref.(type) {
				case *ssa.FieldAddr:
					addr = x
				case *ssa.IndexAddr:
					addr = x
				case *ssa.Store:
					if x.Addr == v && from(x.Val, depth) {
						return true
					}
				}
				if addr == nil {
					continue
				}
				for _, u := range *addr.Referrers() {
					if st, ok := u.(*ssa.Store); ok && st.Addr == addr && from(st.Val, depth) {
						return true
					}
				}
			}
		case *ssa.MakeInterface:
			return from(v.X, depth)
		case *ssa.ChangeType:
			return from(v.X, depth)
		case *ssa.Convert:
			return from(v.X, depth)
		case *ssa.Slice:
			return from(v.X, depth)
		case *ssa.BinOp:
			return from(v.X, depth) || from(v.Y, depth)
		case *ssa.Field:
			return from(v.X, depth)
		}
		return false
	}
	for _, v := range items {
		if from(v, 0) {
			return true
		}
	}
	return false
}

// idSource reports whether pkg.name makes a fresh identifier: the fresh
// sources of keys, but for clocks and plain random numbers.
func idSource(pkg, name string) bool {
	switch pkg {
	case "time", "math/rand", "math/rand/v2":
		return false
	}
	return freshSource(pkg, name)
}

// bestEffort reports whether fn, which holds a retry loop, tells no one
// that its operation failed: a named function with no error result, as
// at-least-once shippers of logs and metrics are. Their author chose
// duplicates over losses.
func bestEffort(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false // a function literal: its caller may be a retry helper
	}
	if fn.Name() == "main" && fn.Signature.Recv() == nil {
		return false // a command's outcome reaches its user
	}
	res := fn.Signature.Results()
	for i := range res.Len() {
		if ssakit.IsError(res.At(i).Type()) {
			return false
		}
	}
	for _, p := range fn.Params {
		t := p.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			continue
		}
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "net/http.ResponseWriter": // a handler answers its client
			return false
		case "testing.T", "testing.B", "testing.F": // a test fails
			return false
		}
	}
	return true
}
