// Package memrelayed is memtested with the feeding loop in the package's
// own code: it accepts from a listener its caller gives, which may be the
// network's, and hands each connection to the in-memory listener. Its
// server is reachable from the network and is reported.
package memrelayed

import (
	"net"
	"net/http"
)

type handoff struct {
	conns  chan net.Conn
	closed chan struct{}
}

func (h *handoff) Accept() (net.Conn, error) {
	select {
	case c := <-h.conns:
		return c, nil
	case <-h.closed:
		return nil, net.ErrClosed
	}
}

func (h *handoff) Close() error   { close(h.closed); return nil }
func (h *handoff) Addr() net.Addr { return nil }

// Server serves what it accepts from its caller's listener.
type Server struct{ ln *handoff }

func Start(h http.Handler) *Server {
	s := &Server{ln: &handoff{conns: make(chan net.Conn), closed: make(chan struct{})}}
	hs := &http.Server{Handler: h}
	go hs.Serve(s.ln) // want `\(\*http.Server\).Serve starts hs, which sets neither ReadHeaderTimeout nor ReadTimeout`
	return s
}

// AcceptFrom relays the connections of ln to the server.
func (s *Server) AcceptFrom(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		s.ln.conns <- c
	}
}
