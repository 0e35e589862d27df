// Package recorder is ordinary: it imports net/http/httptest for
// NewRecorder, which production code uses to capture what a handler
// writes.
package recorder

import (
	"net/http"
	"net/http/httptest"
)

// Render returns what h writes for r.
func Render(h http.Handler, r *http.Request) []byte {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Body.Bytes()
}

func Refresh(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
