package main

import (
	"flag"
	"net"
	"net/http"
	"os"
)

// A host flag and a port flag joined into the address (u-root's
// srvfiles): the default host is loopback, so the server listens on
// loopback unless the operator says otherwise.
var (
	joinHost   = flag.String("h", "127.0.0.1", "hostname")
	joinPort   = flag.String("p", "8080", "port number")
	wideHost   = flag.String("wide", "0.0.0.0", "hostname")
	v6Host     = flag.String("h6", "::1", "hostname")
	movedHost  = flag.String("moved-host", "localhost", "hostname")
	emptyHost  = flag.String("empty-host", "", "hostname")
	portOnly   = flag.Int("port", 8080, "port number")
	helperHost = flag.String("helper-host", "localhost", "hostname")
)

func hostPort(host, port string) string { return net.JoinHostPort(host, port) }

func joinedFlagHosts() {
	flag.Parse()
	h := http.NotFoundHandler()
	go http.ListenAndServe(net.JoinHostPort(*joinHost, *joinPort), h) // no diagnostic: the host flag's default is loopback
	go http.ListenAndServe(*joinHost+":"+*joinPort, h)                // no diagnostic: the same, joined by concatenation
	go http.ListenAndServe(net.JoinHostPort(*v6Host, "8443"), h)      // no diagnostic: ::1 is loopback
	go http.ListenAndServe(hostPort(*helperHost, *joinPort), h)       // no diagnostic: the package's own join helper, given the loopback flag

	// A default on every interface, an empty host (every interface), a
	// host flag the program overrides, or a port with a loopback-looking
	// port flag: reported.
	go http.ListenAndServe(net.JoinHostPort(*wideHost, *joinPort), h)  // want `http.ListenAndServe starts a server that cannot have timeouts`
	go http.ListenAndServe(net.JoinHostPort(*emptyHost, *joinPort), h) // want `http.ListenAndServe starts a server that cannot have timeouts`
	if env := os.Getenv("HOST"); env != "" {
		*movedHost = env
	}
	go http.ListenAndServe(net.JoinHostPort(*movedHost, *joinPort), h) // want `http.ListenAndServe starts a server that cannot have timeouts`
	_ = portOnly
	http.ListenAndServe(*joinPort+":"+*joinHost, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// configure may replace the server's address: the literal's Addr is not
// the address it listens on.
func configure(s *http.Server) {
	if e := os.Getenv("LISTEN_ADDR"); e != "" {
		s.Addr = e
	}
}

func configuredServer() {
	srv := &http.Server{Addr: net.JoinHostPort(*joinHost, *joinPort)}
	configure(srv)
	srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`

	own := &http.Server{Addr: net.JoinHostPort(*joinHost, *joinPort)}
	defer own.Close()
	own.ListenAndServe() // no diagnostic: only its own methods are called
}
