package blindretry

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// An opSite is a call whose failure a retry may answer by calling again.
// When category is empty the call's idempotency is unknown: only a retry
// that happens specifically after a timeout is worth reporting.
type opSite struct {
	call     *ssa.Call
	callee   *types.Func // nil for a call through an interface or a func value
	err      ssa.Value   // the call's error result
	category string      // RetriedHTTPWrite, RetriedSQLWrite, KeyPerAttempt, RetryableHTTPPost, or ""
	name     string      // how messages name the called function
	what     string      // what the call does: "sends an HTTP POST request"
	keys     []ssa.Value // the values of the request's idempotency-key headers
	// items are the values the operation acts on: when they change from
	// one iteration to the next, the loop goes over items, it does not retry.
	items []ssa.Value
	// methodParam is, for RetriedAnyMethod, the parameter of the
	// enclosing function that is the request's method, or 0 (none; a
	// method's receiver is parameter 0 and is never a method string).
	methodParam int
}

// ops returns the calls of fn that are operations a retry could repeat.
func (st *state) ops(fn *ssa.Function) []*opSite {
	var out []*opSite
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if o := st.classify(call); o != nil {
				out = append(out, o)
			}
		}
	}
	return out
}

// classify returns what call does when a retry could repeat it, or nil
// when it is known to be safe to repeat (or cannot fail).
func (st *state) classify(call *ssa.Call) *opSite {
	err := errorResult(call)
	if err == nil {
		return nil // no error result, or nobody looks at it
	}
	common := &call.Call
	callee := ssakit.Callee(common)
	o := &opSite{call: call, callee: callee, err: err, items: common.Args}
	if callee == nil {
		if common.IsInvoke() {
			o.name = common.Method.Name()
			if m := common.Method; m.Pkg() != nil && ssakit.RecvName(m) != "" {
				if rpc := classifyRPC(o, m.Pkg().Path(), ssakit.RecvName(m)+"."+m.Name()); rpc != nil {
					o.name = funcName(m)
					return rpc
				}
			}
			if m := common.Method; m.Pkg() != nil && m.Pkg().Path() == "net/http" && m.Name() == "RoundTrip" && len(common.Args) == 1 {
				o.name = funcName(m)
				if anyMethod := st.callerRequest(o, common.Args[0]); anyMethod != nil {
					return anyMethod
				}
			}
			return o // an interface method: idempotency unknown
		}
		return nil // a func value: see the callbacks of retry helpers
	}
	o.name = funcName(callee)
	pkg := callee.Pkg()
	if pkg == nil {
		return nil
	}
	key := callee.Name()
	if recv := ssakit.RecvName(callee); recv != "" {
		key = recv + "." + key
	}
	switch pkg.Path() {
	case "net/http":
		return st.classifyHTTP(o, key, false)
	case retryableHTTPPath:
		return st.classifyHTTP(o, key, true)
	case "database/sql":
		return classifySQLCall(o, key)
	}
	if rpc := classifyRPC(o, pkg.Path(), key); rpc != nil {
		return rpc
	}
	if f := st.performsFact(callee); f != nil {
		if f.MethodParam > 0 {
			return methodParamOp(o, f)
		}
		o.category, o.what = f.Category, f.What
		o.err = resultAt(call, f.Err)
		if o.err == nil {
			return nil
		}
		return o
	}
	if fsops.IsStd(pkg) {
		if key == "Client.Call" && pkg.Path() == "net/rpc" {
			return o // a remote procedure: idempotency unknown
		}
		return nil // the rest of the standard library is local or known to be safe
	}
	return o // a function of unknown idempotency
}

// retryableHTTPPath is the import path of hashicorp/go-retryablehttp.
const retryableHTTPPath = "github.com/hashicorp/go-retryablehttp"

// classifyHTTP classifies calls of net/http and of go-retryablehttp.
func (st *state) classifyHTTP(o *opSite, key string, retryable bool) *opSite {
	args := o.call.Call.Args
	method := ""
	switch key {
	case "Post", "PostForm":
		method = "POST"
	case "Client.Post", "Client.PostForm":
		method = "POST"
		if !retryable && fromStandardClient(args[0]) {
			retryable = true
		}
	case "Client.Do", "Transport.RoundTrip":
		if len(args) < 2 {
			return nil
		}
		if !retryable && key == "Client.Do" && fromStandardClient(args[0]) {
			retryable = true
		}
		req := st.request(args[1])
		if !req.visible {
			if retryable {
				return nil
			}
			if anyMethod := st.callerRequest(o, args[1]); anyMethod != nil {
				return anyMethod
			}
			return o // a request built elsewhere: idempotency unknown
		}
		method, o.keys = req.method, req.keys
		o.items = append([]ssa.Value{}, req.items...)
		if method == "" {
			if retryable {
				return nil
			}
			if anyMethod := st.callerMethod(o, req.methodVal, req.keys); anyMethod != nil {
				return anyMethod
			}
			return o
		}
	default:
		return nil // GET, HEAD, request constructors and the rest
	}
	if method != "POST" && method != "PATCH" {
		return nil // GET, HEAD, PUT, DELETE, OPTIONS: the method is idempotent
	}
	o.what = "sends an HTTP " + method + " request"
	if retryable {
		configured := st.retryablehttpConfigured
		if st.ssa.TestCode(o.call) {
			configured = st.retryablehttpConfiguredInTests
		}
		if configured || len(o.keys) > 0 {
			return nil // its own retry policy, or a key the library resends
		}
		o.category = RetryableHTTPPost
		return o
	}
	o.category = RetriedHTTPWrite
	return o
}

// fromStandardClient reports whether v is the *http.Client that
// (*retryablehttp.Client).StandardClient returns: its transport retries.
func fromStandardClient(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := ssakit.Callee(&call.Call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == retryableHTTPPath && fn.Name() == "StandardClient"
}

// classifySQLCall classifies the Exec methods of database/sql.
func classifySQLCall(o *opSite, key string) *opSite {
	var qi int
	switch key {
	case "DB.Exec", "Tx.Exec":
		qi = 1
	case "DB.ExecContext", "Tx.ExecContext", "Conn.ExecContext":
		qi = 2
	default:
		return nil // queries read; prepared statements hide their text
	}
	args := o.call.Call.Args
	if qi >= len(args) {
		return nil
	}
	k, ok := args[qi].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return o // a statement we cannot read: idempotency unknown
	}
	what, unsafe := classifySQL(constant.StringVal(k.Value))
	if !unsafe {
		return nil
	}
	o.category, o.what = RetriedSQLWrite, what
	o.items = args[qi+1:]
	return o
}

// classifySQL reports whether a statement must run only once: an INSERT
// without ON CONFLICT (or another upsert form), or an UPDATE that
// increments a column by itself. what describes it for messages.
func classifySQL(query string) (what string, unsafe bool) {
	for stmt := range strings.SplitSeq(query, ";") {
		words := sqlWords(stmt)
		if len(words) == 0 {
			continue
		}
		text := " " + strings.Join(words, " ") + " "
		switch words[0] {
		case "INSERT":
			if strings.Contains(text, " ON CONFLICT ") || strings.Contains(text, " ON DUPLICATE KEY ") ||
				strings.HasPrefix(text, " INSERT IGNORE ") || strings.HasPrefix(text, " INSERT OR ") ||
				strings.Contains(text, " NOT EXISTS ") {
				continue // an upsert, or an insert that skips existing rows
			}
			return "runs an INSERT", true
		case "UPDATE":
			if col := selfIncrement(words); col != "" {
				return fmt.Sprintf("runs an UPDATE that adds to %s", col), true
			}
		}
	}
	return "", false
}

// sqlWords splits a statement into upper-cased words and operators,
// dropping comments and string literals (a literal becomes "?").
func sqlWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, strings.ToUpper(cur.String()))
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			flush()
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			flush()
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return words
			}
			i += end + 3
		case c == '\'':
			flush()
			i++
			for i < len(s) && s[i] != '\'' {
				i++
			}
			words = append(words, "?")
		case c == '"' || c == '`' || c == '[' || c == ']':
			// quoted identifiers: keep the name, drop the quotes
		case c == '_' || c == '.' || c == '$' || c == '?' || c == '@' || c == ':' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			cur.WriteByte(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			flush()
		default:
			flush()
			words = append(words, string(c))
		}
	}
	flush()
	return words
}

// selfIncrement returns the column of an UPDATE's SET clause assigned
// from itself plus or minus something (SET n = n + 1), or "".
func selfIncrement(words []string) string {
	set := -1
	for i, w := range words {
		if w == "SET" {
			set = i
			break
		}
	}
	if set < 0 {
		return ""
	}
	for i := set + 1; i+3 < len(words) && words[i] != "WHERE"; i++ {
		if words[i+1] != "=" || (i > set+1 && words[i-1] != ",") {
			continue
		}
		col, rhs, op := words[i], words[i+2], words[i+3]
		if sameColumn(col, rhs) && (op == "+" || op == "-") {
			return strings.ToLower(col)
		}
	}
	return ""
}

// sameColumn compares column names, ignoring a table qualifier.
func sameColumn(a, b string) bool {
	if i := strings.LastIndexByte(a, '.'); i >= 0 {
		a = a[i+1:]
	}
	if i := strings.LastIndexByte(b, '.'); i >= 0 {
		b = b[i+1:]
	}
	return a == b
}

// errorResult returns the value of call's last result when it is an
// error that some instruction uses, or nil.
func errorResult(call *ssa.Call) ssa.Value {
	n := call.Call.Signature().Results().Len()
	if n == 0 || !ssakit.IsError(call.Call.Signature().Results().At(n-1).Type()) {
		return nil
	}
	return resultAt(call, n-1)
}

// resultAt returns the value of result i of call, or nil when no
// instruction uses it.
func resultAt(call *ssa.Call, i int) ssa.Value {
	n := call.Call.Signature().Results().Len()
	if i >= n {
		return nil
	}
	if n == 1 {
		if refs := call.Referrers(); refs == nil || len(*refs) == 0 {
			return nil
		}
		return call
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// funcName is how messages name a function: http.Post, payments.Charge,
// (*http.Client).Do.
func funcName(fn *types.Func) string {
	return analysisutil.Namer{Unalias: true, QualifyRecv: true}.FuncName(fn)
}

// isLoad reports whether v loads from an address (*p).
func isLoad(v ssa.Value) (*ssa.UnOp, bool) {
	u, ok := v.(*ssa.UnOp)
	return u, ok && u.Op == token.MUL
}
