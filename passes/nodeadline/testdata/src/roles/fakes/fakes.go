// want package:"registers other handlers on http.DefaultServeMux"

// Package fakes imports testing: only tests run its code.
package fakes

import (
	"net/http"
	"testing"
)

// Start starts a fake server for t.
func Start(t testing.TB, addr string) {
	t.Helper()
	http.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
	go http.ListenAndServe(addr, nil) // no diagnostic: developer-code
}
