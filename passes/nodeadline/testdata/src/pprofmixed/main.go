// Command pprofmixed imports net/http/pprof and also serves an API on the
// DefaultServeMux: a network server.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() {
	http.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func unset() {
	srv := &http.Server{Addr: ":8081"}
	srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither`
}
