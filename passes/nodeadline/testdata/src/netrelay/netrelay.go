// Package netrelay hands the connections of a network listener to
// sub-listeners through a channel, as connection multiplexers do: the
// sub-listener's Accept receives from a channel, but what it receives
// came from the network, so its servers are reported.
package netrelay

import (
	"net"
	"net/http"
)

type subListener struct {
	ch   chan net.Conn
	root net.Listener
}

func (l *subListener) Accept() (net.Conn, error) {
	c, ok := <-l.ch
	if !ok {
		return nil, net.ErrClosed
	}
	return c, nil
}

func (l *subListener) Close() error   { return l.root.Close() }
func (l *subListener) Addr() net.Addr { return l.root.Addr() }

// relay accepts from the network and hands each connection on.
func (l *subListener) relay() {
	for {
		c, err := l.root.Accept()
		if err != nil {
			close(l.ch)
			return
		}
		l.ch <- c
	}
}

func serveRelayed(root net.Listener, h http.Handler) error {
	l := &subListener{ch: make(chan net.Conn), root: root}
	go l.relay()
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}
