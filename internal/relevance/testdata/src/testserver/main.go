// Command testserver starts an httptest server: a test harness (its
// name, a test+word compound, is not read).
package main // want `role: test utility`

import (
	"net/http"
	"net/http/httptest"
)

func main() {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	http.Get(srv.URL)
}
