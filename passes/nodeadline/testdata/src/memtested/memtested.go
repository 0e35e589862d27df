// Package memtested serves on an in-memory listener fed by an unexported
// hand-over method that only its own Dial calls, with a pipe's end. Its
// test feeds the listener with connections it accepts from a loopback
// listener: that does not make the package a relay of network
// connections, since the program built from it has no test files. (An
// exported hand-over would: another package may give it the network's
// connections, as pushedconns shows.)
package memtested

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

// Give hands a connection the caller owns to the server.
func (h *handoff) Give(c net.Conn) error {
	select {
	case h.conns <- c:
		return nil
	case <-h.closed:
		return net.ErrClosed
	}
}

// Server serves what callers hand over.
type Server struct{ ln *handoff }

func Start(h http.Handler) *Server {
	s := &Server{ln: &handoff{conns: make(chan net.Conn), closed: make(chan struct{})}}
	hs := &http.Server{Handler: h}
	go hs.Serve(s.ln) // no diagnostic: connections handed over in memory; only the test accepts from a listener
	return s
}

// handleConn hands c to the server.
func (s *Server) handleConn(c net.Conn) error { return s.ln.Give(c) }

// Dial connects to the server in memory.
func (s *Server) Dial() (net.Conn, error) {
	a, b := net.Pipe()
	if err := s.handleConn(b); err != nil {
		return nil, err
	}
	return a, nil
}
