package knowledge

import "go/types"

// Ending says how a call ends when it never returns to its caller.
type Ending uint8

const (
	// Returns: the function is in no table; it may return.
	Returns Ending = iota
	// ExitsProcess: the process ends at once; deferred calls do not run
	// (os.Exit, log.Fatal, zap's and logrus's Fatal, klog.Fatal).
	ExitsProcess
	// EndsGoroutine: the goroutine ends after running its deferred calls
	// (runtime.Goexit, and the testing methods built on it: t.FailNow,
	// t.Fatal, t.SkipNow).
	EndsGoroutine
	// Panics: the call panics; deferred calls run, and a recover may
	// resume the caller's caller (log.Panic, zap's and logrus's Panic).
	Panics
)

func (e Ending) String() string {
	switch e {
	case ExitsProcess:
		return "exits the process"
	case EndsGoroutine:
		return "ends the goroutine"
	case Panics:
		return "panics"
	}
	return "may return"
}

// Exit says how a call of fn ends, when fn is a function of the standard
// library or of a common logging library that never returns to its
// caller; Returns for any other function. For an interface method it
// answers only where every implementation ends the same way (testing.TB).
func Exit(fn *types.Func) Ending {
	if fn == nil || fn.Pkg() == nil {
		return Returns
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		if !ok {
			return Returns // a method of an unnamed interface: the implementation decides
		}
		recv = named.Obj().Name()
	}
	return exits[member{fn.Pkg().Path(), recv}][fn.Name()]
}

// member is a package path and a receiver type name ("" for functions).
type member struct{ pkg, recv string }

// endings builds one row of the table: every name ends the same way.
func endings(e Ending, names ...string) map[string]Ending {
	m := make(map[string]Ending, len(names))
	for _, n := range names {
		m[n] = e
	}
	return m
}

// merge joins rows whose names end in different ways.
func merge(rows ...map[string]Ending) map[string]Ending {
	m := make(map[string]Ending)
	for _, r := range rows {
		for k, v := range r {
			m[k] = v
		}
	}
	return m
}

var (
	logFatal   = endings(ExitsProcess, "Fatal", "Fatalf", "Fatalln")
	logPanic   = endings(Panics, "Panic", "Panicf", "Panicln")
	stopsTest  = endings(EndsGoroutine, "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf")
	klogExits  = endings(ExitsProcess, "Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln")
	logrusExit = endings(ExitsProcess, "Exit")
)

// exits lists, per package and receiver type, the functions and methods
// that never return to their caller, and how each ends. Not listed on
// purpose: cobra.CheckErr (it returns when its argument is nil), zap's
// DPanic (it panics only in development), zerolog's Fatal (it returns an
// event; the process ends at Msg).
var exits = map[member]map[string]Ending{
	{"os", ""}:                               endings(ExitsProcess, "Exit"),
	{"syscall", ""}:                          endings(ExitsProcess, "Exit", "ExitProcess", "ExitThread"),
	{"golang.org/x/sys/unix", ""}:            endings(ExitsProcess, "Exit"),
	{"runtime", ""}:                          endings(EndsGoroutine, "Goexit"),
	{"log", ""}:                              merge(logFatal, logPanic),
	{"log", "Logger"}:                        merge(logFatal, logPanic),
	{"testing", "common"}:                    stopsTest,
	{"testing", "TB"}:                        stopsTest,
	{"go.uber.org/zap", "Logger"}:            merge(endings(ExitsProcess, "Fatal"), endings(Panics, "Panic")),
	{"go.uber.org/zap", "SugaredLogger"}:     merge(endings(ExitsProcess, "Fatal", "Fatalf", "Fatalw", "Fatalln"), endings(Panics, "Panic", "Panicf", "Panicw", "Panicln")),
	{"github.com/sirupsen/logrus", ""}:       merge(logFatal, logPanic, logrusExit),
	{"github.com/sirupsen/logrus", "Logger"}: merge(logFatal, logPanic, logrusExit),
	{"github.com/sirupsen/logrus", "Entry"}:  merge(logFatal, logPanic),
	{"k8s.io/klog", ""}:                      klogExits,
	{"k8s.io/klog/v2", ""}:                   klogExits,
	{"github.com/golang/glog", ""}:           klogExits,
}
