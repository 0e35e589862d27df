// Package memservers serves on listeners that are not from the network:
// a listener whose Accept receives connections another component hands
// over through a channel, and listeners of an in-process network
// (memnet). No stranger can reach them. Listeners from the network,
// also wrapped, are still reported.
package memservers

import (
	"net"
	"net/http"

	"memservers/memnet"
)

// connListener receives connections that another component accepted
// and hands over.
type connListener struct {
	ch   chan net.Conn
	done chan struct{}
}

func (l *connListener) Accept() (net.Conn, error) {
	c, ok := <-l.ch
	if !ok {
		return nil, net.ErrClosed
	}
	return c, nil
}

func (l *connListener) Close() error   { close(l.done); return nil }
func (l *connListener) Addr() net.Addr { return nil }

// HandleConn hands a connection over to the server.
func (l *connListener) HandleConn(c net.Conn) { l.ch <- c }

// pipeConns hands out ends of net.Pipe.
type pipeConns struct{ dials chan struct{} }

func (l *pipeConns) Accept() (net.Conn, error) {
	<-l.dials
	c, _ := net.Pipe()
	return c, nil
}

func (l *pipeConns) Close() error   { return nil }
func (l *pipeConns) Addr() net.Addr { return nil }

func handedOver(h http.Handler) (*connListener, error) {
	l := &connListener{ch: make(chan net.Conn), done: make(chan struct{})}
	srv := &http.Server{Handler: h}
	go srv.Serve(l) // no diagnostic: connections handed over in memory
	return l, nil
}

func handedOverFunc(l *connListener, h http.Handler) error {
	return http.Serve(l, h) // no diagnostic: the listener's type hands over connections in memory
}

func pipes(h http.Handler) error {
	return http.Serve(&pipeConns{dials: make(chan struct{})}, h) // no diagnostic: ends of net.Pipe
}

func inProcess(h http.Handler) error {
	l, err := memnet.Listen("tcp", ":80")
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: a listener of the in-process network, whatever its address says
}

func inProcessInterface(h http.Handler) error {
	srv := &http.Server{Handler: h}
	return srv.Serve(memnet.NewListener()) // no diagnostic: memnet's constructor returns an in-memory listener
}

// listenLoopback is a helper of the package that listens on loopback.
func listenLoopback() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:0")
}

func loopbackHelper(h http.Handler) error {
	l, err := listenLoopback()
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: the helper listens on loopback
}

// From the network: still reported.

// countingListener wraps a listener; its Accept is the wrapped one's.
type countingListener struct {
	net.Listener
	n int
}

func wrappedTCP(h http.Handler) error {
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(&countingListener{Listener: l}, h) // want `http.Serve starts a server that cannot have timeouts`
}

// listenPublic is a helper that listens on every interface.
func listenPublic() (net.Listener, error) {
	return net.Listen("tcp", ":8080")
}

func publicHelper(h http.Handler) error {
	l, err := listenPublic()
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}

func eitherListener(h http.Handler, public bool) error {
	var l net.Listener = &connListener{ch: make(chan net.Conn)}
	if public {
		l, _ = net.Listen("tcp", ":8080")
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}
