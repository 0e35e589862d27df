// Command aliased imports net/http/pprof and registers its API on the
// DefaultServeMux through a variable that holds it: a network server.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

var router = http.DefaultServeMux

func main() {
	router.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func captured() {
	mux := http.DefaultServeMux
	register := func() { mux.HandleFunc("/v1/", func(http.ResponseWriter, *http.Request) {}) }
	register()
}
