// Package memnet is an in-process network: its listeners hand out ends
// of net.Pipe through a channel, and nothing in it listens on a socket.
package memnet

import "net"

// Listener is an in-memory listener.
type Listener struct {
	ch     chan net.Conn
	closed chan struct{}
}

// Listen returns a listener of the in-process network; network and
// address only name it.
func Listen(network, address string) (*Listener, error) { // want Listen:"returns a listener no stranger reaches \\(result 0\\)"
	return &Listener{ch: make(chan net.Conn), closed: make(chan struct{})}, nil
}

// NewListener is Listen as a net.Listener.
func NewListener() net.Listener { // want NewListener:"returns a listener no stranger reaches \\(result 0\\)"
	l, _ := Listen("tcp", "memory")
	return l
}

// Accept hands out the server end of a connection Dial made.
func (l *Listener) Accept() (net.Conn, error) { // want Accept:"accepts only connections made in memory"
	select {
	case c := <-l.ch:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

// Dial connects to the listener in memory.
func (l *Listener) Dial() (net.Conn, error) {
	c, s := net.Pipe()
	l.ch <- s
	return c, nil
}

func (l *Listener) Close() error   { close(l.closed); return nil }
func (l *Listener) Addr() net.Addr { return nil }
