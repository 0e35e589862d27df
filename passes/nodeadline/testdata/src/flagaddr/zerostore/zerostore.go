// Command zerostore empties its address variable after parsing, which
// listens on every interface.
package main

import (
	"flag"
	"net"
	"net/http"
	"os"
)

func main() {
	var addr string
	flag.StringVar(&addr, "addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	if os.Getenv("LISTEN_ANY") != "" {
		addr = ""
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return
	}
	http.Serve(ln, http.NotFoundHandler()) // want `http.Serve starts a server that cannot have timeouts`
}
