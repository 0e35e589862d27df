// Command prerender is ordinary: it imports net/http/httptest for
// NewRecorder, to render pages, as real programs do.
package main

import (
	"net/http"
	"net/http/httptest"
	"os"
)

func main() {
	rec := httptest.NewRecorder()
	http.NotFoundHandler().ServeHTTP(rec, &http.Request{})
	os.Stdout.Write(rec.Body.Bytes())
	http.Get("https://cdn.example.com/purge") // want `http.Get sends a request with no context`
}
