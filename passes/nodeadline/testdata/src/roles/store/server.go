package store

import (
	"net/http"
	"testing"
)

// Server is production code; NewForTest, beside it, sets one up for
// tests: only NewForTest is test-utility code, the file is not.
type Server struct{ mux *http.ServeMux }

// Run serves the store's API.
func (s *Server) Run(addr string) error {
	return http.ListenAndServe(addr, s.mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// Upstream asks the upstream store.
func (s *Server) Upstream(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}

// NewForTest returns a Server whose upstream answers a test.
func NewForTest(tb testing.TB, u string) *Server {
	tb.Helper()
	if _, err := http.Get(u); err != nil { // no diagnostic: developer-code
		tb.Fatal(err)
	}
	return &Server{mux: http.NewServeMux()}
}
