// Package exits declares never-returning helpers: their summary says how
// a call of each ends (Fact.Ends), so that they stop paths in the
// packages that import them.
package exits

import (
	"fmt"
	"log"
	"os"
	"runtime"
)

// Fatal logs and exits the process: deferred calls do not run.
func Fatal(msg string) { // want Fatal:"never returns: exits the process"
	log.Print(msg)
	os.Exit(1)
}

// Die exits through an unexported helper of its own package.
func Die(code int) { // want Die:"never returns: exits the process"
	die(code)
}

func die(code int) {
	fmt.Fprintln(os.Stderr, "fatal")
	os.Exit(code)
}

// Bug panics: a caller's deferred calls run, and a recover may resume.
func Bug(msg string) { // want Bug:"never returns: panics"
	panic("bug: " + msg)
}

// Stop ends the calling goroutine after its deferred calls.
func Stop() { // want Stop:"never returns: ends the goroutine"
	runtime.Goexit()
}

// Either exits or panics, by its argument: the weakest claim, it panics
// (a caller's deferred calls may run).
func Either(crash bool) { // want Either:"never returns: panics"
	if crash {
		panic("crash")
	}
	os.Exit(2)
}

// Logger is a logger whose Fatalf exits.
type Logger struct{ prefix string }

// Fatalf logs with the prefix and exits.
func (l *Logger) Fatalf(format string, args ...any) { // want Fatalf:"never returns: exits the process"
	log.Fatalf(l.prefix+format, args...)
}

// CheckErr exits only when err is not nil: it returns otherwise.
func CheckErr(err error) {
	if err != nil {
		Fatal(err.Error())
	}
}

// Warn logs and returns.
func Warn(msg string) {
	log.Print(msg)
}

// Recovering exits through a panic that its own deferred call may
// recover: go/cfg takes any deferred call as a possible recover.
func Recovering() {
	defer func() { _ = recover() }()
	panic("recovered")
}

// Serve loops forever: it never returns, but ends in no call that says
// how, so it has no summary.
func Serve() {
	for {
		Warn("tick")
	}
}
