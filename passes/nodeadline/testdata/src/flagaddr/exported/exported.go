// Package exported defines its listen host as an exported flag, which
// the program importing it may set (*exported.Host = "0.0.0.0"): no
// loopback default counts. An unexported one does.
package exported

import (
	"flag"
	"net"
	"net/http"
)

var (
	Host       = flag.String("host", "127.0.0.1", "listen host")
	ListenHost string
	localHost  = flag.String("local-host", "127.0.0.1", "listen host")
	port       = flag.String("port", "8080", "listen port")
)

func init() {
	flag.StringVar(&ListenHost, "listen-host", "localhost", "listen host")
}

// Serve serves on the exported host.
func Serve() error {
	return http.ListenAndServe(net.JoinHostPort(*Host, *port), http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// ServeVar serves on the exported variable's host.
func ServeVar() error {
	return http.ListenAndServe(ListenHost+":"+*port, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// ServeLocal serves on the unexported flag's host.
func ServeLocal() error {
	return http.ListenAndServe(net.JoinHostPort(*localHost, *port), http.NotFoundHandler()) // no diagnostic: only this package sets it
}
