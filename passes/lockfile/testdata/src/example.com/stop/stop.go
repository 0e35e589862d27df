// Package stop declares a program's never-returning helpers in their own
// package: effects' summary (Fact.Ends) says how each ends, so that its
// importers know which skip their deferred calls.
package stop

import (
	"fmt"
	"os"
)

// Exit prints and exits the process: deferred calls do not run.
func Exit(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// Panic panics: deferred calls run.
func Panic(err error) {
	panic(fmt.Errorf("unexpected: %w", err))
}

// Note prints and returns.
func Note(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
}
