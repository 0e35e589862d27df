package store

import (
	"net/http"
	"testing"
)

// Server is production code; NewForTest, beside it, sets one up for
// tests. The file names a testing type, so all of it is taken for
// test-utility code: a known over-demotion, kept because a test fake's
// New(t) beside its Start has the same shape.
type Server struct{ mux *http.ServeMux }

// Run serves the store's API.
func (s *Server) Run(addr string) error {
	return http.ListenAndServe(addr, s.mux) // no diagnostic: developer-code (the file names testing.TB)
}

// NewForTest returns a Server whose upstream answers a test.
func NewForTest(tb testing.TB, u string) *Server {
	tb.Helper()
	if _, err := http.Get(u); err != nil { // no diagnostic: developer-code
		tb.Fatal(err)
	}
	return &Server{mux: http.NewServeMux()}
}
