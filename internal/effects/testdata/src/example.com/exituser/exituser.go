// Package exituser builds on exits' helpers one package over (facts).
package exituser

import "example.com/exits"

// Abort exits through another package's helper.
func Abort(msg string) { // want Abort:"never returns: exits the process"
	exits.Fatal("abort: " + msg)
}

// Leave ends the goroutine through another package's helper.
func Leave() { // want Leave:"never returns: ends the goroutine"
	exits.Stop()
}

// Maybe returns when err is nil: no summary.
func Maybe(err error) {
	exits.CheckErr(err)
}
