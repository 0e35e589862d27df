package blindretry

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// BadConnAfterSend is the category of a database/sql driver that returns
// driver.ErrBadConn after its statement may have reached the server:
// database/sql answers ErrBadConn by running the statement again on
// another connection.
const BadConnAfterSend = "badconn-after-send"

const driverPath = "database/sql/driver"

// driverMethods are the methods of driver.Conn, Stmt, Execer(Context)
// and Queryer(Context) that run a statement, which database/sql runs
// again when they return driver.ErrBadConn.
var driverMethods = map[string]bool{"Exec": true, "ExecContext": true, "Query": true, "QueryContext": true}

// checkDrivers reports, in the statement methods of the package's
// drivers, a return of driver.ErrBadConn reachable after a write to the
// connection (or a statement run by a wrapped driver).
func (st *state) checkDrivers(funcs []*ssa.Function) {
	if !importsPath(st.pass.Pkg, driverPath) {
		return
	}
	sends := st.sendingFuncs(funcs)
	for _, fn := range st.statementFuncs(funcs) {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Blocks == nil {
			continue
		}
		if testsBadConn(fn) {
			continue // passes on a wrapped driver's own ErrBadConn
		}
		var sent []*ssa.Call
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && sendKind(call, sends) != "" {
					sent = append(sent, call)
				}
			}
		}
		if len(sent) == 0 {
			continue
		}
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || !returnsBadConn(ret) {
				continue
			}
			for _, s := range sent {
				if after(s, ret) {
					st.reportBadConn(obj, ret, s, sendKind(s, sends))
					break
				}
			}
		}
	}
}

// statementFuncs returns the statement methods of the package's
// drivers and the functions of the package they call, directly or not:
// a helper that writes the statement and answers a failure with
// driver.ErrBadConn is as wrong as the method.
func (st *state) statementFuncs(funcs []*ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if seen[fn] || fn.Pkg == nil || fn.Pkg.Pkg != st.pass.Pkg || fn.Parent() != nil {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && !call.Call.IsInvoke() {
					if callee, ok := call.Call.Value.(*ssa.Function); ok {
						add(callee)
					}
				}
			}
		}
	}
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if ok && fn.Parent() == nil && driverMethods[obj.Name()] && isDriverType(fn.Signature.Recv()) {
			add(fn)
		}
	}
	return out
}

// reportBadConn reports a return of driver.ErrBadConn after send.
func (st *state) reportBadConn(fn *types.Func, ret *ssa.Return, send *ssa.Call, kind string) {
	pos := ret.Pos()
	rs := st.syn.Return(pos)
	if rs == nil || st.reported[pos] || !st.syn.Reportable(pos, includeTests) {
		return
	}
	st.reported[pos] = true
	what := "after writing to the connection"
	if kind == "statement" {
		what = "after the wrapped connection ran the statement"
	}
	diag := analysis.Diagnostic{Pos: rs.Pos(), End: rs.End(), Category: BadConnAfterSend,
		Message: fmt.Sprintf("%s returns driver.ErrBadConn %s; the statement may have reached the server, "+
			"and database/sql then runs it again on another connection, so it can take effect twice "+
			"(return the error itself once anything was sent, and driver.ErrBadConn only before the first write)", funcName(fn), what)}
	if call := st.syn.Call(send.Pos()); call != nil {
		diag.Related = []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "the statement is sent here"}}
	}
	st.pass.Report(diag)
}

// sendingFuncs returns the package's functions that write to a
// connection, directly or through each other.
func (st *state) sendingFuncs(funcs []*ssa.Function) map[*ssa.Function]bool {
	sends := make(map[*ssa.Function]bool)
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if sends[fn] {
				continue
			}
		scan:
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && sendKind(call, sends) == "write" {
						sends[fn] = true
						changed = true
						break scan
					}
				}
			}
		}
	}
	return sends
}

// sendKind says whether call sends something to the database: "write"
// for a write to a connection (net.Conn, *tls.Conn, a bufio.Writer, an
// io.Writer) or a function of the package that makes one, "statement" for
// a statement run by a wrapped driver, "" otherwise.
func sendKind(call *ssa.Call, sends map[*ssa.Function]bool) string {
	common := &call.Call
	if common.IsInvoke() {
		m := common.Method
		switch {
		case (m.Name() == "Write" || m.Name() == "WriteString") && connLike(common.Value.Type()):
			return "write"
		case driverMethods[m.Name()] && m.Pkg() != nil && m.Pkg().Path() == driverPath:
			return "statement"
		}
		return ""
	}
	if f, ok := common.Value.(*ssa.Function); ok && sends[f] {
		return "write"
	}
	fn := ssakit.Callee(common)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	switch fn.Pkg().Path() + "." + ssakit.RecvName(fn) + "." + fn.Name() {
	case "net.TCPConn.Write", "net.UnixConn.Write", "net.conn.Write", "crypto/tls.Conn.Write",
		"bufio.Writer.Write", "bufio.Writer.WriteString", "bufio.Writer.WriteByte", "bufio.Writer.Flush":
		return "write"
	}
	return ""
}

// connLike reports whether t is an interface that reads and writes: a
// net.Conn, an io.ReadWriter, not a mere io.Writer such as a logger.
func connLike(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	has := func(name string) bool {
		for i := range iface.NumMethods() {
			if iface.Method(i).Name() == name {
				return true
			}
		}
		return false
	}
	return has("Read") && has("Write")
}

// isDriverType reports whether the receiver's type implements one of
// the driver interfaces whose statement methods database/sql retries.
func isDriverType(recv *types.Var) bool {
	if recv == nil {
		return false
	}
	t := recv.Type()
	for _, name := range []string{"Conn", "Stmt", "ExecerContext", "QueryerContext", "Execer", "Queryer"} {
		iface := driverIface(t, name)
		if iface != nil && types.Implements(t, iface) {
			return true
		}
	}
	return false
}

// driverIface finds the interface database/sql/driver.name among the
// packages the package of t's named type imports.
func driverIface(t types.Type, name string) *types.Interface {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	for _, imp := range n.Obj().Pkg().Imports() {
		if imp.Path() == driverPath {
			if tn, ok := imp.Scope().Lookup(name).(*types.TypeName); ok {
				iface, _ := tn.Type().Underlying().(*types.Interface)
				return iface
			}
		}
	}
	return nil
}

// returnsBadConn reports whether a return yields driver.ErrBadConn.
func returnsBadConn(ret *ssa.Return) bool {
	for _, v := range ret.Results {
		if isBadConn(v) {
			return true
		}
	}
	return false
}

// isBadConn reports whether v is driver.ErrBadConn.
func isBadConn(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.UnOp:
			g, ok := x.X.(*ssa.Global)
			return ok && x.Op == token.MUL && g.Pkg != nil && g.Pkg.Pkg.Path() == driverPath && g.Name() == "ErrBadConn"
		}
		return false
	}
}

// testsBadConn reports whether fn compares an error with
// driver.ErrBadConn (err == driver.ErrBadConn, errors.Is): it passes on
// the verdict of a driver it wraps.
func testsBadConn(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.BinOp:
				if isBadConn(in.X) || isBadConn(in.Y) {
					return true
				}
			case *ssa.Call:
				if isFunc(ssakit.Callee(&in.Call), "errors", "Is") {
					for _, a := range in.Call.Args {
						if isBadConn(a) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// after reports whether ret can run after send: later in its block, or
// in a block reachable from it.
func after(send *ssa.Call, ret *ssa.Return) bool {
	if send.Block() == ret.Block() {
		return true // the return ends the block
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), send.Block().Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if b == ret.Block() {
			return true
		}
		stack = append(stack, b.Succs...)
	}
	return false
}

// importsPath reports whether pkg imports path directly.
func importsPath(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}
