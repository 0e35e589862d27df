// Package libserver is a library that starts an httptest server: no
// diagnostic: the code rule reads main packages only (a library's test
// role is decided by the testing types it names).
package libserver

import (
	"net/http"
	"net/http/httptest"
)

func Start() *httptest.Server { return httptest.NewServer(http.NotFoundHandler()) }
