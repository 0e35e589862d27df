// Command pushedconns accepts on a public port and pushes each
// connection to another package's channel-fed listener, which an HTTP
// server serves: reachable from the network.
package main

import (
	"net"
	"net/http"

	"pushedconns/sniff"
)

func main() {
	ln, _ := net.Listen("tcp", ":443")
	httpLn := sniff.New()
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(httpLn) // want `\(\*http.Server\).Serve starts srv, which sets neither`
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		httpLn.Push(c)
	}
}
