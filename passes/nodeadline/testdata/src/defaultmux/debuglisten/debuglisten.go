// Package debuglisten starts a listener on the DefaultServeMux when an
// address is configured, and registers nothing on it: it serves what the
// program's main package puts there, most often net/http/pprof's
// profiles. The library cannot tell that it is a network server.
package debuglisten

import (
	"net"
	"net/http"
	"os"
)

// Start serves the DefaultServeMux on $PROFILE_ADDR, when it is set.
func Start() {
	if addr := os.Getenv("PROFILE_ADDR"); addr != "" {
		go http.ListenAndServe(addr, nil) // no diagnostic: a library that registers nothing serves its program's DefaultServeMux
	}
}

// StartServer does the same through an http.Server with no Handler.
func StartServer(addr string) {
	srv := &http.Server{Addr: addr}
	go srv.ListenAndServe() // no diagnostic: no Handler, and nothing this package or its imports do registers a route
}

// StartNamed names the DefaultServeMux instead of passing nil: the same
// server.
func StartNamed(l net.Listener) {
	go http.Serve(l, http.DefaultServeMux) // no diagnostic: the DefaultServeMux by name, as nil
}
