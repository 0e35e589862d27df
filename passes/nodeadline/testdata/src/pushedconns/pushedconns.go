// Command pushedconns accepts on a public port and pushes each
// connection to another package's channel-fed listener, which an HTTP
// server serves: reachable from the network.
package main

import (
	"net"
	"net/http"

	"pushedconns/pooled"
	"pushedconns/sniff"
	"pushedconns/variants"
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

func spellings(sel *variants.Select, async *variants.Async, peek *variants.Peeked, helped *variants.Helper) {
	go http.Serve(helped, nil)                     // want `http.Serve starts a server that cannot have timeouts`
	go http.Serve(variants.NewPushListener(), nil) // no diagnostic: an unexported type's Push is no entry (known gap; a connListener's HandleConn is the in-process stack's)
	go http.Serve(sel, nil)                        // want `http.Serve starts a server that cannot have timeouts`
	go http.Serve(async, nil)                      // want `http.Serve starts a server that cannot have timeouts`
	go http.Serve(peek, nil)                       // want `http.Serve starts a server that cannot have timeouts`
}

func inMemory(l *pooled.Listener) {
	http.Serve(l, nil) // no diagnostic: the pool's Put feeds another channel than the listener's
}
