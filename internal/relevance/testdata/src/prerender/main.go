// Command prerender renders pages with httptest.NewRecorder, as real
// programs do: no diagnostic: ordinary.
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
}
