package ssabuild

import "go/types"

// neverReturns reports whether fn is a function of the standard library or
// of a common logging library that never returns to its caller. The table
// stands in for ctrlflow's facts (see the package comment).
func neverReturns(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		if !ok {
			return false // an interface method: the implementation decides
		}
		recv = named.Obj().Name()
	}
	names := neverReturning[member{fn.Pkg().Path(), recv}]
	for _, name := range names {
		if name == fn.Name() {
			return true
		}
	}
	return false
}

// member is a package path and a receiver type name ("" for functions).
type member struct{ pkg, recv string }

// neverReturning lists, per package and receiver type, the functions and
// methods that end the process, the goroutine or the test, or panic on
// every path.
var neverReturning = map[member][]string{
	{"os", ""}:                               {"Exit"},
	{"syscall", ""}:                          {"Exit", "ExitProcess", "ExitThread"},
	{"runtime", ""}:                          {"Goexit"},
	{"log", ""}:                              {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
	{"log", "Logger"}:                        {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
	{"testing", "common"}:                    {"FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf"},
	{"go.uber.org/zap", "Logger"}:            {"Fatal", "Panic"},
	{"go.uber.org/zap", "SugaredLogger"}:     {"Fatal", "Fatalf", "Fatalw", "Fatalln", "Panic", "Panicf", "Panicw", "Panicln"},
	{"github.com/sirupsen/logrus", ""}:       {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Exit"},
	{"github.com/sirupsen/logrus", "Logger"}: {"Exit", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
	{"github.com/sirupsen/logrus", "Entry"}:  {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
	{"k8s.io/klog", ""}:                      {"Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln"},
	{"k8s.io/klog/v2", ""}:                   {"Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln"},
	{"github.com/golang/glog", ""}:           {"Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln"},
	{"github.com/rs/zerolog/log", ""}:        {},
	{"github.com/spf13/cobra", ""}:           {"CheckErr"},
}
