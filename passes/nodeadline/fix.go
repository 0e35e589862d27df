package nodeadline

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fixutil"
	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/ssakit"
)

// fixes returns the suggested fixes for a finding, best first, when the
// code has a shape a fix can rewrite safely. streams is set when a
// response sent through the finding's client (at this call or at another
// call of the same race) is read as a stream.
func (st *state) fixes(f *finding, call *ast.CallExpr, file *ast.File, ctxName string, streams bool) []analysis.SuggestedFix {
	var out []*analysis.SuggestedFix
	add := func(fix *analysis.SuggestedFix) {
		if fix != nil {
			out = append(out, fix)
		}
	}
	kind := f.entry.Kind
	switch f.shape() {
	case ClientTimeout, ContextDropped:
		if f.cat == ContextDropped {
			switch kind {
			case netops.HTTPSendDefault, netops.ClientSend:
				add(st.fixSendWithContext(f, call, file, ctxName))
			case netops.ClientDo, netops.RoundTrip, netops.None, netops.NewRequest:
				add(st.fixNewRequestWithContext(f, file, ctxName))
			}
		}
		if streams {
			break // a client Timeout would cut a stream or a long poll short
		}
		switch kind {
		case netops.RoundTrip:
			add(st.fixLiteral(f, "ResponseHeaderTimeout"))
		case netops.HTTPSendDefault:
			add(st.fixDefaultClient(call, file, call.Fun))
		case netops.ClientSend, netops.ClientDo:
			if recv := st.syn.Arg(call, 0); recv != nil && st.isDefaultClient(recv) {
				add(st.fixDefaultClient(call, file, recv))
			} else {
				add(st.fixLiteral(f, "Timeout"))
			}
		}
	case BackgroundContext:
		add(st.fixWithTimeout(f))
	case DialTimeout:
		switch kind {
		case netops.Dial:
			if f.callee.Name() == "Dial" {
				add(st.fixNetDial(call, file))
			}
		case netops.TLSDial:
			add(st.fixTLSDial(call, file))
		case netops.DialerDial, netops.TLSDialWithDialer:
			add(st.fixLiteral(f, "Timeout"))
		}
	case ServerTimeouts:
		add(st.fixLiteral(f, "ReadHeaderTimeout"))
	case ServeFunction:
		add(st.fixServeFunc(f, call, file))
	}
	fixes := make([]analysis.SuggestedFix, len(out))
	for i, fix := range out {
		fixes[i] = *fix
	}
	return fixes
}

// durationText writes d as Go source: 30 * time.Second.
func durationText(d time.Duration, timePkg string) string {
	units := []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}}
	for _, u := range units {
		if d%u.d == 0 {
			if n := d / u.d; n != 1 {
				return fmt.Sprintf("%d * %s.%s", n, timePkg, u.name)
			}
			return timePkg + "." + u.name
		}
	}
	return fmt.Sprintf("%d", d)
}

// withImports completes a fix with the import edits it needs, or drops
// it when a package it names cannot be written where it writes.
func withImports(fix *analysis.SuggestedFix, im *imports) *analysis.SuggestedFix {
	if !im.ok {
		return nil
	}
	fix.TextEdits = append(fix.TextEdits, im.edits()...)
	return fix
}

// fixLiteral adds a limit field (Timeout, ReadHeaderTimeout) to the
// composite literal that makes the finding's client, dialer or server,
// or sets it where the literal sets it to zero. Several findings can
// share one literal: only the first gets the fix.
func (st *state) fixLiteral(f *finding, field string) *analysis.SuggestedFix {
	if len(f.obj.origins) != 1 || f.obj.shared {
		return nil
	}
	lit := st.syn.CompositeLit(f.obj.origins[0])
	if lit == nil || st.fixedAt[lit.Lbrace] {
		return nil
	}
	file := st.syn.File(lit.Pos())
	if file == nil || analysisutil.CgoRewritten(file) || ast.IsGenerated(file) {
		return nil
	}
	if tv, ok := st.pass.TypesInfo.Types[lit]; !ok || !sameBounded(tv.Type, f.args[f.objArg].Type()) {
		return nil
	}
	im := st.newImports(file, lit.Lbrace)
	value := durationText(defaultTimeout, im.name("time"))
	edit, ok := st.setField(lit, field, value)
	if !ok {
		return nil
	}
	st.fixedAt[lit.Lbrace] = true
	b, _ := f.bounded()
	return withImports(&analysis.SuggestedFix{
		Message:   fmt.Sprintf("set the %s's %s", b.Type, field),
		TextEdits: []analysis.TextEdit{edit},
	}, im)
}

// sameBounded reports whether a literal's type is the bounded type a
// pointer argument points to.
func sameBounded(litType, argType types.Type) bool {
	if p, ok := argType.Underlying().(*types.Pointer); ok {
		argType = p.Elem()
	}
	return types.Identical(litType, argType)
}

// setField returns the edit that sets field to value in a keyed composite
// literal.
func (st *state) setField(lit *ast.CompositeLit, field, value string) (analysis.TextEdit, bool) {
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return analysis.TextEdit{}, false // positional fields
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			// Timeout: 0 is no timeout
			return analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)}, true
		}
	}
	elt := field + ": " + value
	if len(lit.Elts) == 0 {
		return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(elt)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	line := func(p token.Pos) int { return st.pass.Fset.Position(p).Line }
	if line(lit.Rbrace) > line(last.End()) {
		at := st.syn.LineStart(lit.Rbrace)
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(st.syn.IndentAt(last.Pos()) + elt + ",\n")}, true
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + elt)}, true
}

// isDefaultClient reports whether e is http.DefaultClient.
func (st *state) isDefaultClient(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := st.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultClient"
}

// fixDefaultClient sends through a client of its own with a Timeout
// instead of http.DefaultClient: http.Get(u) becomes
// (&http.Client{Timeout: 30 * time.Second}).Get(u), and
// http.DefaultClient.Do(req) becomes (&http.Client{...}).Do(req). The
// new client has the default client's zero configuration, so it uses
// http.DefaultTransport and shares its connections.
func (st *state) fixDefaultClient(call *ast.CallExpr, file *ast.File, target ast.Expr) *analysis.SuggestedFix {
	im := st.newImports(file, call.Pos())
	client := fmt.Sprintf("(&%s.Client{Timeout: %s})", im.name("net/http"), durationText(defaultTimeout, im.name("time")))
	var edit analysis.TextEdit
	if target == call.Fun {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !st.isPkgIdent(sel.X, "net/http") {
			return nil
		}
		edit = analysis.TextEdit{Pos: sel.X.Pos(), End: sel.X.End(), NewText: []byte(client)}
	} else {
		edit = analysis.TextEdit{Pos: target.Pos(), End: target.End(), NewText: []byte(client)}
	}
	return withImports(&analysis.SuggestedFix{
		Message:   fmt.Sprintf("send through a client with a %s Timeout", defaultTimeout),
		TextEdits: []analysis.TextEdit{edit},
	}, im)
}

// isPkgIdent reports whether e names the package with the given path.
func (st *state) isPkgIdent(e ast.Expr, path string) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	pn, ok := st.pass.TypesInfo.Uses[id].(*types.PkgName)
	return ok && pn.Imported().Path() == path
}

// fixSendWithContext rewrites http.Get(u) (or c.Get(u), Head, Post) in a
// function that has a context into a request built with that context:
//
//	func() (*http.Response, error) {
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
//		if err != nil {
//			return nil, err
//		}
//		return http.DefaultClient.Do(req)
//	}()
//
// The arguments move into the function literal, so they must have no
// side effects, and must not mention the names the literal declares.
func (st *state) fixSendWithContext(f *finding, call *ast.CallExpr, file *ast.File, ctxName string) *analysis.SuggestedFix {
	method := map[string]string{"Get": "MethodGet", "Head": "MethodHead", "Post": "MethodPost"}[f.callee.Name()]
	if method == "" || call.Ellipsis.IsValid() || ctxName == "req" || ctxName == "err" {
		return nil
	}
	exprs := append([]ast.Expr(nil), call.Args...)
	client := ""
	if f.entry.Kind == netops.ClientSend {
		recv := st.syn.Arg(call, 0)
		if recv == nil {
			return nil
		}
		exprs = append(exprs, recv)
		client = st.syn.Src(recv.Pos(), recv.End())
	}
	for _, e := range exprs {
		if !pure(st.pass.TypesInfo, e) || mentions(e, "req", "err") {
			return nil
		}
	}
	im := st.newImports(file, call.Pos())
	http := im.name("net/http")
	if client == "" {
		client = http + ".DefaultClient"
	}
	arg := func(i int) string { return st.syn.Src(call.Args[i].Pos(), call.Args[i].End()) }
	body := "nil"
	if f.callee.Name() == "Post" {
		if len(call.Args) != 3 {
			return nil
		}
		body = arg(2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func() (*%s.Response, error) {\n", http)
	fmt.Fprintf(&b, "\treq, err := %s.NewRequestWithContext(%s, %s.%s, %s, %s)\n", http, ctxName, http, method, arg(0), body)
	b.WriteString("\tif err != nil {\n\t\treturn nil, err\n\t}\n")
	if f.callee.Name() == "Post" {
		fmt.Fprintf(&b, "\treq.Header.Set(\"Content-Type\", %s)\n", arg(1))
	}
	fmt.Fprintf(&b, "\treturn %s.Do(req)\n}()", client)
	text := strings.ReplaceAll(b.String(), "\n", "\n"+st.syn.IndentAt(call.Pos()))
	return withImports(&analysis.SuggestedFix{
		Message:   fmt.Sprintf("send the request with %s", ctxName),
		TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}},
	}, im)
}

// fixNewRequestWithContext builds the request a Do sends with the
// function's context: http.NewRequest(m, u, b) becomes
// http.NewRequestWithContext(ctx, m, u, b).
func (st *state) fixNewRequestWithContext(f *finding, file *ast.File, ctxName string) *analysis.SuggestedFix {
	origin, ok := f.ctx.origin.(*ssa.Call)
	if !ok {
		return nil
	}
	e, ok := netops.Lookup(ssakit.Callee(&origin.Call))
	if !ok || e.Kind != netops.NewRequest {
		return nil
	}
	nr := st.syn.Call(origin.Pos())
	if nr == nil || st.fixedAt[nr.Lparen] || st.syn.File(nr.Pos()) != file || st.ctxParamAt(file, nr.Pos()) != ctxName {
		return nil
	}
	sel, ok := nr.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	st.fixedAt[nr.Lparen] = true
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("build the request with %s", ctxName),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
			{Pos: nr.Lparen + 1, End: nr.Lparen + 1, NewText: []byte(ctxName + ", ")},
		},
	}
}

// fixWithTimeout bounds a context that never ends where it is passed:
//
//	req, err := http.NewRequestWithContext(context.Background(), "GET", u, nil)
//
// becomes
//
//	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
//	defer cancel()
//	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
//
// Only when the cancel runs after every use of the call's results: the
// network call is in the same function, outside loops, and what it
// returns (a response whose body the context still governs) does not
// leave the function.
func (st *state) fixWithTimeout(f *finding) *analysis.SuggestedFix {
	origin, ok := f.ctx.origin.(*ssa.Call)
	if !ok || origin.Parent() != f.instr.Parent() {
		return nil
	}
	switch f.entry.Kind {
	case netops.DialerDialContext, netops.TLSDialerDialContext:
		// the context's end does not affect an established connection
	default:
		if resultsEscape(f.instr) {
			return nil
		}
	}
	if netops.ContextLifetime(ssakit.Callee(&origin.Call)) != netops.Forever {
		return nil
	}
	expr := st.syn.Call(origin.Pos())
	if expr == nil || st.fixedAt[expr.Lparen] || !pureArgs(st.pass.TypesInfo, expr) {
		return nil
	}
	file := st.syn.File(expr.Pos())
	if file == nil || analysisutil.CgoRewritten(file) {
		return nil
	}
	path, _ := fixutil.EnclosingPath(file, expr.Pos(), expr.End())
	if len(path) < 3 {
		return nil
	}
	if outer, ok := path[1].(*ast.CallExpr); !ok || !containsExpr(outer.Args, expr) {
		return nil // only a context passed straight to a call
	}
	stmt, fn := enclosingStmt(path)
	if stmt == nil || fn == nil {
		return nil
	}
	switch stmt.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt:
	default:
		return nil // if, for, switch heads; go and defer run after the cancel
	}
	ctxName := st.freshName(file, fn, stmt.Pos(), "ctx", "timeoutCtx", "reqCtx")
	cancelName := st.freshName(file, fn, stmt.Pos(), "cancel", "cancelTimeout", "cancelReq")
	if ctxName == "" || cancelName == "" {
		return nil
	}
	// context.TODO() or context.Background() in a function that has a
	// context parameter: derive from the caller's context, so that its
	// cancellation still reaches the call.
	parent := st.syn.Src(expr.Pos(), expr.End())
	if len(expr.Args) == 0 {
		if name := st.ctxParamAt(file, expr.Pos()); name != "" {
			parent = name
		}
	}
	im := st.newImports(file, stmt.Pos())
	indent := st.syn.IndentAt(stmt.Pos())
	decl := fmt.Sprintf("%s, %s := %s.WithTimeout(%s, %s)\n%sdefer %s()\n%s",
		ctxName, cancelName, im.name("context"), parent,
		durationText(defaultTimeout, im.name("time")), indent, cancelName, indent)
	st.fixedAt[expr.Lparen] = true
	return withImports(&analysis.SuggestedFix{
		Message: fmt.Sprintf("derive a context with a %s timeout", defaultTimeout),
		TextEdits: []analysis.TextEdit{
			{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(decl)},
			{Pos: expr.Pos(), End: expr.End(), NewText: []byte(ctxName)},
		},
	}, im)
}

// enclosingStmt returns the innermost statement of path that sits in a
// statement list, and the function that holds it, when no loop lies in
// between (a defer in a loop runs only when the function returns).
func enclosingStmt(path []ast.Node) (ast.Stmt, ast.Node) {
	var stmt ast.Stmt
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return stmt, n
		case *ast.ForStmt, *ast.RangeStmt:
			return nil, nil
		case ast.Stmt:
			if stmt == nil && i+1 < len(path) {
				switch path[i+1].(type) {
				case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
					stmt = n
				}
			}
		}
	}
	return nil, nil
}

// freshName returns the first candidate that no identifier of fn spells
// and that denotes nothing at pos.
func (st *state) freshName(file *ast.File, fn ast.Node, pos token.Pos, candidates ...string) string {
	for _, c := range candidates {
		if !mentions(fn, c) && st.lookup(file, c, pos) == nil {
			return c
		}
	}
	return ""
}

// resultsEscape reports whether a result of a network call (an
// *http.Response whose body the context governs) can be used after the
// function returns: returned, stored outside the function's own
// variables, sent, captured by a function literal or handed to a
// goroutine. Values that cannot hold the body (numbers, strings, byte
// slices, errors) do not count. Deferred calls do: they were deferred
// after the cancel the fix inserts, so they run before it.
func resultsEscape(ci ssa.CallInstruction) bool {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return true // go and defer run after the function's defers, or in parallel
	}
	return escapes(call, 0, make(map[ssa.Value]bool))
}

func escapes(v ssa.Value, depth int, seen map[ssa.Value]bool) bool {
	if depth > 8 {
		return true
	}
	if seen[v] || inert(v.Type(), 0) {
		return false
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, in := range *refs {
		switch in := in.(type) {
		case *ssa.Return, *ssa.Send, *ssa.MakeClosure, *ssa.Go, *ssa.MapUpdate:
			return true
		case *ssa.Store:
			if in.Val == v {
				if _, local := in.Addr.(*ssa.Alloc); !local {
					return true
				}
				if escapes(in.Addr, depth+1, seen) {
					return true
				}
			}
		case *ssa.Extract:
			if ssakit.IsError(in.Type()) {
				continue
			}
			if escapes(in, depth+1, seen) {
				return true
			}
		case ssa.Value:
			if escapes(in, depth+1, seen) {
				return true
			}
		}
	}
	return false
}

// inert reports whether values of type t cannot hold a response body:
// basic values, errors, and slices, arrays and structs of those.
func inert(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if ssakit.IsError(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Slice:
		return inert(u.Elem(), depth+1)
	case *types.Array:
		return inert(u.Elem(), depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if !inert(u.Field(i).Type(), depth+1) {
				return false
			}
		}
		return true
	case *types.Tuple:
		return false
	}
	return false
}

func containsExpr(list []ast.Expr, e ast.Expr) bool {
	for _, x := range list {
		if ast.Unparen(x) == e {
			return true
		}
	}
	return false
}

// fixNetDial bounds net.Dial: net.Dial(n, a) becomes
// net.DialTimeout(n, a, 30*time.Second).
func (st *state) fixNetDial(call *ast.CallExpr, file *ast.File) *analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return nil
	}
	im := st.newImports(file, call.Pos())
	end := call.Args[1].End()
	return withImports(&analysis.SuggestedFix{
		Message: fmt.Sprintf("dial with a %s timeout", defaultTimeout),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("DialTimeout")},
			{Pos: end, End: end, NewText: []byte(", " + durationText(defaultTimeout, im.name("time")))},
		},
	}, im)
}

// fixTLSDial bounds tls.Dial: tls.Dial(n, a, cfg) becomes
// tls.DialWithDialer(&net.Dialer{Timeout: 30*time.Second}, n, a, cfg),
// whose Timeout covers the handshake too.
func (st *state) fixTLSDial(call *ast.CallExpr, file *ast.File) *analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 3 || call.Ellipsis.IsValid() {
		return nil
	}
	im := st.newImports(file, call.Pos())
	dialer := fmt.Sprintf("&%s.Dialer{Timeout: %s}, ", im.name("net"), durationText(defaultTimeout, im.name("time")))
	return withImports(&analysis.SuggestedFix{
		Message: fmt.Sprintf("dial and shake hands with a %s timeout", defaultTimeout),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("DialWithDialer")},
			{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(dialer)},
		},
	}, im)
}

// fixServeFunc starts an http.Server with a ReadHeaderTimeout instead:
// http.ListenAndServe(addr, h) becomes
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 30*time.Second}).ListenAndServe().
// The arguments are evaluated in another order, so they must have no
// side effects.
func (st *state) fixServeFunc(f *finding, call *ast.CallExpr, file *ast.File) *analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() || !st.isPkgIdent(sel.X, "net/http") {
		return nil
	}
	for _, a := range call.Args {
		if !pure(st.pass.TypesInfo, a) {
			return nil
		}
	}
	arg := func(i int) string { return st.syn.Src(call.Args[i].Pos(), call.Args[i].End()) }
	var addr, handler string
	var rest []string
	switch name := f.callee.Name(); {
	case name == "ListenAndServe" && len(call.Args) == 2:
		addr, handler = arg(0), arg(1)
	case name == "ListenAndServeTLS" && len(call.Args) == 4:
		addr, handler, rest = arg(0), arg(3), []string{arg(1), arg(2)}
	case name == "Serve" && len(call.Args) == 2:
		handler, rest = arg(1), []string{arg(0)}
	case name == "ServeTLS" && len(call.Args) == 4:
		handler, rest = arg(1), []string{arg(0), arg(2), arg(3)}
	default:
		return nil
	}
	im := st.newImports(file, call.Pos())
	var fields []string
	if addr != "" {
		fields = append(fields, "Addr: "+addr)
	}
	if handler != "nil" {
		fields = append(fields, "Handler: "+handler)
	}
	fields = append(fields, "ReadHeaderTimeout: "+durationText(defaultTimeout, im.name("time")))
	text := fmt.Sprintf("(&%s.Server{%s}).%s(%s)", st.syn.Src(sel.X.Pos(), sel.X.End()),
		strings.Join(fields, ", "), f.callee.Name(), strings.Join(rest, ", "))
	return withImports(&analysis.SuggestedFix{
		Message:   "start an http.Server with a ReadHeaderTimeout",
		TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}},
	}, im)
}

// pure reports whether evaluating e has no side effects, so that moving
// it changes nothing: names, constants, field selections, function
// literals, conversions and operators over those.
func pure(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.ParenExpr:
		return pure(info, e.X)
	case *ast.SelectorExpr:
		return pure(info, e.X)
	case *ast.StarExpr:
		return pure(info, e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && pure(info, e.X)
	case *ast.BinaryExpr:
		return pure(info, e.X) && pure(info, e.Y)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !pure(info, elt) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		// a conversion, like http.HandlerFunc(f)
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return pure(info, e.Args[0])
		}
	}
	return false
}

// pureArgs reports whether a call's arguments are pure (see pure).
func pureArgs(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if !pure(info, a) {
			return false
		}
	}
	return true
}

// mentions reports whether an identifier spelled like one of names
// occurs in n.
func mentions(n ast.Node, names ...string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			for _, name := range names {
				if id.Name == name {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// streamsBody reports whether the response of a send is read as a
// stream: its Body, or a value made from it (a bufio.Scanner, a
// json.Decoder), is read in a loop that does not send again, also by a
// goroutine or closure the function hands the response or the body to
// (a variable it captures, or an argument of a function literal). A
// client Timeout covers reading the body, so it would cut such a stream
// or long poll short; no Timeout fix is offered for it.
func streamsBody(instr ssa.CallInstruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	send := call.Block()
	var resps []ssa.Value
	for _, in := range *call.Referrers() {
		if x, ok := in.(*ssa.Extract); ok && x.Index == 0 {
			resps = append(resps, x)
		}
	}
	var readers []ssa.Value
	eachUse(resps, func(resp ssa.Value, in ssa.Instruction) []ssa.Value {
		if fa, ok := in.(*ssa.FieldAddr); ok && fieldName(fa) == "Body" {
			for _, use := range *fa.Referrers() {
				if load, ok := use.(*ssa.UnOp); ok && load.Op == token.MUL {
					readers = append(readers, load)
				}
			}
		}
		return handedOn(resp, in)
	})
	streams := false
	eachUse(readers, func(r ssa.Value, in ssa.Instruction) []ssa.Value {
		next := handedOn(r, in)
		switch u := in.(type) {
		case *ssa.MakeInterface:
			next = append(next, u)
		case *ssa.ChangeInterface:
			next = append(next, u)
		case *ssa.Call:
			if funcLit(&u.Call) != nil {
				break // followed into the literal by handedOn
			}
			if inLoopWithout(u.Block(), send) {
				streams = true // read in a loop
				return nil
			}
			next = append(next, u) // a scanner, reader or decoder over the body
		}
		return next
	})
	return streams
}

// eachUse calls use for every use of the values of start and of the
// values use returns, each value once, up to 32 of them.
func eachUse(start []ssa.Value, use func(v ssa.Value, in ssa.Instruction) []ssa.Value) {
	seen := make(map[ssa.Value]bool)
	for len(start) > 0 && len(seen) < 32 {
		v := start[len(start)-1]
		start = start[:len(start)-1]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, in := range *v.Referrers() {
			start = append(start, use(v, in)...)
		}
	}
}

// handedOn returns the values that v, used by in, becomes in code the
// function runs with it: the loads of a local variable in is a store of
// v into, in the function and in the closures that capture the variable,
// and the parameter of a function literal that in calls (go, defer or a
// plain call) with v.
func handedOn(v ssa.Value, in ssa.Instruction) []ssa.Value {
	var out []ssa.Value
	switch u := in.(type) {
	case *ssa.Store:
		cell, ok := u.Addr.(*ssa.Alloc)
		if !ok || u.Val != v {
			return nil
		}
		loads := func(addr ssa.Value) {
			for _, r := range *addr.Referrers() {
				if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
					out = append(out, load)
				}
			}
		}
		loads(cell)
		for _, r := range *cell.Referrers() {
			if mc, ok := r.(*ssa.MakeClosure); ok {
				for _, fv := range ssakit.CapturedAs(mc, cell) {
					loads(fv)
				}
			}
		}
	case ssa.CallInstruction:
		lit := funcLit(u.Common())
		if lit == nil {
			return nil
		}
		for i, a := range u.Common().Args {
			if a == v && i < len(lit.Params) {
				out = append(out, lit.Params[i])
			}
		}
	}
	return out
}

// funcLit returns the function literal a call calls, or nil.
func funcLit(c *ssa.CallCommon) *ssa.Function {
	fn, _ := c.Value.(*ssa.Function)
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		fn, _ = mc.Fn.(*ssa.Function)
	}
	if fn == nil || fn.Parent() == nil {
		return nil
	}
	return fn
}

// inLoopWithout reports whether b is in a cycle of the control flow
// graph that does not go through avoid.
func inLoopWithout(b, avoid *ssa.BasicBlock) bool {
	if b == avoid {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{avoid: true}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}
