// Package die declares a program's never-returning helpers, as a user's
// util package does: effects' summary (Fact.Ends) makes a call of each a
// stop in the packages that import it.
package die

import (
	"log"
	"os"
	"runtime"
)

// Fatal logs and exits the process.
func Fatal(msg string) {
	log.Print(msg)
	os.Exit(1)
}

// Bug panics.
func Bug(msg string) {
	panic("bug: " + msg)
}

// Quit ends the calling goroutine.
func Quit() {
	runtime.Goexit()
}

// App carries a logger; its Fatalf exits.
type App struct{ Log *log.Logger }

// Fatalf logs and exits.
func (a *App) Fatalf(format string, args ...any) {
	a.Log.Fatalf(format, args...)
}

// OnError exits only when err is not nil.
func OnError(err error) {
	if err != nil {
		Fatal(err.Error())
	}
}

// Warn logs and returns.
func Warn(msg string) {
	log.Print(msg)
}
