// Command visitall fills every flag from the environment through its
// Value (HOST=0.0.0.0 in a Dockerfile): any flag's default may be
// replaced, so no loopback default counts.
package main

import (
	"flag"
	"net"
	"net/http"
	"os"
	"strings"
)

var (
	host   = flag.String("host", "127.0.0.1", "listen host")
	port   = flag.String("port", "8080", "listen port")
	listen = flag.String("listen", "localhost:9090", "listen address")
)

func main() {
	flag.Parse()
	flag.VisitAll(func(f *flag.Flag) {
		if v := os.Getenv(strings.ToUpper(f.Name)); v != "" {
			f.Value.Set(v)
		}
	})
	go http.ListenAndServe(*listen, http.NotFoundHandler())                     // want `http.ListenAndServe starts a server that cannot have timeouts`
	http.ListenAndServe(net.JoinHostPort(*host, *port), http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
