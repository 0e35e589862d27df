// Package testing holds fakes for the tests of the module's users: a
// package of its own named testing.
package testing

import "net/http"

// Serve starts a fake API server.
func Serve(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, h) // no diagnostic: developer-code
}
