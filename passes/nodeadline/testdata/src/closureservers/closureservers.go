// Package closureservers holds servers assigned to a variable inside a
// closure and started by the enclosing function: the server is the one
// the closure makes, judged as if made in place.
package closureservers

import (
	"net"
	"net/http"
	"os"
	"time"
)

// setup makes the server in a closure; the enclosing function starts it.
func setup() error {
	var srv *http.Server
	build := func() {
		srv = &http.Server{Addr: os.Getenv("ADDR"), Handler: http.NotFoundHandler()}
	}
	build()
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

// immediate assigns the server in a function literal called at once.
func immediate() {
	var srv *http.Server
	func() {
		srv = &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
	}()
	go srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv`
}

// bounded sets a header timeout in the closure: no diagnostic.
func bounded() error {
	var srv *http.Server
	func() {
		srv = &http.Server{Addr: os.Getenv("ADDR"), Handler: http.NotFoundHandler(), ReadHeaderTimeout: 10 * time.Second}
	}()
	return srv.ListenAndServe() // no diagnostic: the closure's server has a header timeout
}

// loopback makes a server on a loopback address in a closure: no
// diagnostic, as for one made in place.
func loopback() {
	var srv *http.Server
	func() {
		srv = &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	}()
	go srv.ListenAndServe() // no diagnostic: only the machine itself connects
}

// twoServers assigns the variable in the closure and in place: the
// public one is reported.
func twoServers(public bool) error {
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	func() {
		if public {
			srv = &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
		}
	}()
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv`
}

// listenerInClosure: a loopback listener assigned in a closure stays
// local; one the closure may move to any address does not.
func listenerInClosure() error {
	var ln net.Listener
	func() {
		ln, _ = net.Listen("tcp", "127.0.0.1:8080")
	}()
	return http.Serve(ln, http.NotFoundHandler()) // no diagnostic: a loopback listener
}
