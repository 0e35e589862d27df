// Package sniff hands the connections its caller pushes to a listener
// fed by a channel: what its caller accepted from the network (a
// protocol-sniffing split of one port).
package sniff

import "net"

// Listener accepts what Push gives it.
type Listener struct{ conns chan net.Conn }

// New returns an empty Listener.
func New() *Listener { return &Listener{conns: make(chan net.Conn)} }

// Push hands c to the listener's Accept.
func (l *Listener) Push(c net.Conn) { l.conns <- c }

// Accept returns the next pushed connection.
func (l *Listener) Accept() (net.Conn, error) { return <-l.conns, nil }

// Close closes nothing.
func (l *Listener) Close() error { return nil }

// Addr has no address.
func (l *Listener) Addr() net.Addr { return nil }
