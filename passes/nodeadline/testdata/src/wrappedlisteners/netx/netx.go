// Package netx is a project's own network kit: a listener that wraps the
// connections it accepts, and helpers that open a listener on an address
// they join from a host and a port.
package netx

import (
	"net"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/netutil"
)

// Listener wraps a net.Listener and gives each connection it accepts an
// idle timeout.
type Listener struct {
	net.Listener
	Timeout time.Duration
}

// Accept accepts from the wrapped listener.
func (l *Listener) Accept() (net.Conn, error) { // want Accept:"accepts from field 0 of its receiver"
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &Conn{Conn: c, Timeout: l.Timeout}, nil
}

// Conn is a connection with an idle timeout.
type Conn struct {
	net.Conn
	Timeout time.Duration
}

// JoinHostPort joins host and port, leaving a bracketed IPv6 host as it
// is.
func JoinHostPort(host string, port int) string { // want JoinHostPort:"returns an address whose host is parameter 0"
	return JoinHostPortStr(host, strconv.Itoa(port))
}

// JoinHostPortStr is JoinHostPort with the port as a string.
func JoinHostPortStr(host, port string) string { // want JoinHostPortStr:"returns an address whose host is parameter 0"
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		return host + ":" + port
	}
	return net.JoinHostPort(host, port)
}

// PortOf joins a port and a host the other way round: its parameter is
// no host.
func PortOf(port, host string) string {
	return port + "@" + host
}

// NewIPAndLocalListeners listens on host:port and, unless told not to
// or host already covers loopback, on localhost:port too, so that local
// clients reach the service when it binds one address.
func NewIPAndLocalListeners(host string, port int, timeout time.Duration, listenOnLocalhost ...bool) (ipListener net.Listener, localListener net.Listener, err error) { // want NewIPAndLocalListeners:"returns a listener no stranger reaches \\(result 1\\)"
	listener, err := net.Listen("tcp", JoinHostPort(host, port))
	if err != nil {
		return
	}
	ipListener = &Listener{Listener: listener, Timeout: timeout}
	if (len(listenOnLocalhost) == 0 || listenOnLocalhost[0]) && host != "" && host != "localhost" {
		listener, err = net.Listen("tcp", JoinHostPort("localhost", port))
		if err != nil {
			return ipListener, nil, nil
		}
		localListener = &Listener{Listener: listener, Timeout: timeout}
	}
	return
}

// NewLocalListener listens on the IPv6 loopback address, with a limit
// of connections.
func NewLocalListener(port int) (net.Listener, error) { // want NewLocalListener:"returns a listener no stranger reaches \\(result 0\\)"
	l, err := net.Listen("tcp", JoinHostPortStr("[::1]", strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	return netutil.LimitListener(&Listener{Listener: l, Timeout: time.Minute}, 100), nil
}

// NewListener listens on addr, which its caller chooses.
func NewListener(addr string, timeout time.Duration) (net.Listener, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Listener{Listener: l, Timeout: timeout}, nil
}

// Fanout accepts from a loopback listener and from a second one.
type Fanout struct {
	Local  net.Listener
	Public net.Listener
	next   bool
}

// Accept alternates between the two listeners.
func (f *Fanout) Accept() (net.Conn, error) {
	f.next = !f.next
	if f.next {
		return f.Local.Accept()
	}
	return f.Public.Accept()
}

func (f *Fanout) Close() error   { return f.Local.Close() }
func (f *Fanout) Addr() net.Addr { return f.Local.Addr() }

// NewFanout listens on loopback and on addr: one of its listeners is
// reached from the network.
func NewFanout(addr string) (net.Listener, error) {
	local, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	public, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Fanout{Local: local, Public: public}, nil
}

// NewOddListener listens on an address whose loopback-looking word is
// the port's, not the host's.
func NewOddListener() (net.Listener, error) {
	l, err := net.Listen("tcp", PortOf("localhost", "example.com"))
	if err != nil {
		return nil, err
	}
	return &Listener{Listener: l}, nil
}

// Pick joins host with the last non-empty port, 80 when none is: a
// loop's φ (a cycle) stays unjudged, never a crash.
func Pick(host string, ports []string) string {
	addr := net.JoinHostPort(host, "80")
	for _, p := range ports {
		if p != "" {
			addr = net.JoinHostPort(host, p)
		}
	}
	return addr
}

// Swappable wraps a listener that Swap replaces.
type Swappable struct {
	Inner net.Listener
}

func (w *Swappable) Accept() (net.Conn, error) { return w.Inner.Accept() }
func (w *Swappable) Close() error              { return w.Inner.Close() }
func (w *Swappable) Addr() net.Addr            { return w.Inner.Addr() }

// Swap serves l from now on.
func (w *Swappable) Swap(l net.Listener) { w.Inner = l }

// Embedded promotes the Accept of the listener it embeds; Swap replaces it.
type Embedded struct{ net.Listener }

// Swap serves l from now on.
func (e *Embedded) Swap(l net.Listener) { e.Listener = l }
