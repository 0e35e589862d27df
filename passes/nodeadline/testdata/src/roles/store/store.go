// Package store is production code that keeps its test helpers in one
// non-test file (helpers.go names testing.TB): only that file is a test
// utility; the package's own requests are reported.
package store

import "net/http"

func Sync(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
