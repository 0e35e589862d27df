// Command asiface imports net/http/pprof and hands the DefaultServeMux
// to a function as a registration interface, which adds the API: a
// network server.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

// Router is a registration interface.
type Router interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
}

func register(r Router) { r.HandleFunc("/v2/", func(http.ResponseWriter, *http.Request) {}) }

func main() {
	register(http.DefaultServeMux)
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
