package relevance

import (
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// monitoringWords are the words by which a program names the address of
// a listener that serves only its operator's tools: metrics, monitoring,
// profiling and debugging. Not health or status (a health endpoint
// answers load balancers and probes on the network, and a status page
// may be the product's), nor admin, stats or telemetry (an admin API, a
// statsd or telemetry receiver takes input from other machines).
var monitoringWords = map[string]bool{
	"metric": true, "metrics": true, "monitoring": true, "prometheus": true,
	"pprof": true, "profiling": true, "profiler": true, "debug": true, "expvar": true,
}

// identWords splits an identifier or a flag's name into lower-case words
// at "-", "_", "." and at each change from lower case or a digit to upper
// case, and at the end of a run of capitals ("HTTPDebugAddr": http, debug,
// addr), keeping a capitals' plural s with them ("ListenMetricsURLs":
// listen, metrics, urls).
func identWords(name string) []string {
	var out []string
	for _, part := range words(name) {
		rs := []rune(part)
		start := 0
		for i := 1; i < len(rs); i++ {
			prev, cur := rs[i-1], rs[i]
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			switch {
			case (unicode.IsLower(prev) || unicode.IsDigit(prev)) && unicode.IsUpper(cur):
			case unicode.IsUpper(prev) && unicode.IsUpper(cur) && unicode.IsLower(next) && !(next == 's' && i+2 == len(rs)):
			default:
				continue
			}
			out = append(out, strings.ToLower(string(rs[start:i])))
			start = i
		}
		out = append(out, strings.ToLower(string(rs[start:])))
	}
	return out
}

// monitoringName reports whether name has one of monitoringWords.
func monitoringName(name string) bool {
	for _, w := range identWords(name) {
		if monitoringWords[w] {
			return true
		}
	}
	return false
}

// MonitoringNamed reports whether v, the address of a server or its
// listener, is read from something the program names for monitoring
// (monitoringWords): a field on the way to it
// (cfg.Monitoring.Port, s.metricsListeners[i], opts.PprofAddr), a
// package-level variable (var debugAddr string; flag.StringVar(&debugAddr,
// ...)), a flag defined or looked up by such a name (flag.String
// ("metrics-addr", ...), cmd.Flags().GetString("listen-metrics-urls"),
// viper.GetString("prometheus.listen-address")), or a function so named
// that makes it and wraps no value of its kind (cfg.MetricsAddress(),
// e.createMetricsListener(u); not newMetricsListener(l)); through fmt.Sprintf, concatenation,
// net.JoinHostPort, strconv's formatting, conversions, a net.Listen of
// such an address, and phis whose every edge is so named or a constant.
// The program says by the name that the listener is its operator's
// metrics, profiling or debugging port, which issue 14 counts among the
// listeners no report of a missing timeout is worth a reviewer's time on.
func MonitoringNamed(v ssa.Value) bool {
	w := monitoringWalk{done: make(map[walkKey]bool), busy: make(map[walkKey]bool)}
	return w.named(v, 0)
}

// monitoringWalk is one MonitoringNamed question. Each value is asked
// once, as a value or as a pointer (walkKey), and its answer kept in
// done; a value asked again while its answer is being made (phis and
// variables that feed each other in a loop) is not named. So the walk
// stays linear in the values it meets.
type monitoringWalk struct {
	done, busy map[walkKey]bool
}

type walkKey struct {
	v       ssa.Value
	pointer bool
}

func (w monitoringWalk) named(v ssa.Value, depth int) bool {
	return w.ask(walkKey{v, false}, depth)
}

func (w monitoringWalk) pointer(p ssa.Value, depth int) bool {
	return w.ask(walkKey{p, true}, depth)
}

// ask answers k, a value (value) or what a pointer points to (pointee),
// unless it is answered already or being answered.
func (w monitoringWalk) ask(k walkKey, depth int) bool {
	if r, ok := w.done[k]; ok {
		return r
	}
	if k.v == nil || depth > 10 || w.busy[k] {
		return false
	}
	w.busy[k] = true
	var r bool
	if k.pointer {
		r = w.pointee(k.v, depth+1)
	} else {
		r = w.value(k.v, depth+1)
	}
	delete(w.busy, k)
	w.done[k] = r
	return r
}

// value is named's answer for v.
func (w monitoringWalk) value(v ssa.Value, depth int) bool {
	switch x := ssakit.Unconvert(v).(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		if cellOf(x) != nil { // a local variable, also one a closure captures: what is stored into it
			return everyStored(x, func(v ssa.Value) bool { return w.named(v, depth) })
		}
		return w.pointer(x.X, depth)
	case *ssa.Field:
		if st, ok := x.X.Type().Underlying().(*types.Struct); ok && monitoringField(fieldKey{st, x.Field}) {
			return true
		}
		return w.named(x.X, depth)
	case *ssa.Index: // the element of an array or a map: the array's or map's name
		return w.named(x.X, depth)
	case *ssa.Lookup:
		return w.named(x.X, depth)
	case *ssa.Convert: // string(b), a []byte address
		return w.named(x.X, depth)
	case *ssa.Extract:
		return w.named(x.Tuple, depth)
	case *ssa.BinOp:
		return x.Op == token.ADD && (w.named(x.X, depth) || w.named(x.Y, depth))
	case *ssa.Phi:
		named := false
		for _, e := range x.Edges {
			switch {
			case w.named(e, depth):
				named = true
			case !isConst(e):
				return false
			}
		}
		return named
	case *ssa.Call:
		return w.call(&x.Call, depth)
	case *ssa.FreeVar: // a closure's capture: the value bound where it is made
		return w.named(ssakit.Binding(x), depth)
	}
	return false
}

// pointer is named of what p points to.
// pointee is pointer's answer for p.
func (w monitoringWalk) pointee(p ssa.Value, depth int) bool {
	switch x := p.(type) {
	case *ssa.FieldAddr:
		if k, ok := fieldOf(x); ok && monitoringField(k) {
			return true
		}
		return w.pointer(x.X, depth)
	case *ssa.IndexAddr:
		if _, ok := x.X.Type().Underlying().(*types.Pointer); ok {
			return w.pointer(x.X, depth) // &array[i]
		}
		return w.named(x.X, depth) // &slice[i]
	case *ssa.Global:
		return monitoringName(x.Name())
	case *ssa.UnOp:
		return x.Op == token.MUL && w.pointer(x.X, depth)
	case *ssa.FreeVar:
		return w.pointer(ssakit.Binding(x), depth)
	case *ssa.Call: // *flag.String("metrics-addr", ...)
		if d, ptr := stringFlag(&x.Call); d >= 0 && ptr < 0 {
			name, ok := flagName(&x.Call)
			return ok && monitoringName(name)
		}
		return w.call(&x.Call, depth)
	}
	return false
}

// call is named of a call's result.
func (w monitoringWalk) call(call *ssa.CallCommon, depth int) bool {
	fn := ssakit.Callee(call)
	if fn == nil || fn.Pkg() == nil || len(call.Args) == 0 && !call.IsInvoke() {
		return false
	}
	args := call.Args
	if call.IsInvoke() {
		args = append([]ssa.Value{call.Value}, args...)
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "fmt" && (name == "Sprintf" || name == "Sprint"):
		elems, ok := pathflow.VarargElems(args[len(args)-1])
		if !ok {
			return false
		}
		for _, e := range elems {
			if w.named(e, depth) {
				return true
			}
		}
		return false
	case path == "net" && name == "JoinHostPort":
		return w.named(args[0], depth) || w.named(args[1], depth)
	case path == "strconv" && (name == "Itoa" || name == "FormatInt" || name == "FormatUint"):
		return w.named(args[0], depth)
	case path == "net" && (name == "Listen" || name == "ListenTCP") && len(args) == 2,
		path == "crypto/tls" && name == "Listen" && len(args) == 3:
		return w.named(args[1], depth)
	case name == "GetString" && len(args) >= 1:
		// cmd.Flags().GetString("metrics-addr"), viper.GetString("metrics.address")
		k, ok := constString(args[len(args)-1])
		return ok && monitoringName(k)
	}
	if !monitoringName(fn.Name()) {
		return false
	}
	// A function so named that makes the address or the listener (a
	// getter, cfg.MetricsAddress(); a constructor,
	// e.createMetricsListener(u)), but not one that wraps a value of the
	// kind it returns: newMetricsListener(l) may count the connections of
	// the application's own listener.
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		for j := range sig.Results().Len() {
			if types.Identical(sig.Params().At(i).Type(), sig.Results().At(j).Type()) {
				return false
			}
		}
	}
	return true
}

// monitoringField reports whether field k has a name of monitoringWords.
func monitoringField(k fieldKey) bool {
	return k.field < k.st.NumFields() && monitoringName(k.st.Field(k.field).Name())
}

// isConst reports whether v is a constant.
func isConst(v ssa.Value) bool {
	_, ok := v.(*ssa.Const)
	return ok
}
