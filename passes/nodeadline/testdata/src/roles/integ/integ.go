//go:build integration

// Package integ's file is built only with the integration tag: test code
// that go test -tags integration runs.
package integ

import "net/http"

func ping(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}
