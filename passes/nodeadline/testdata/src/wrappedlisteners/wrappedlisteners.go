// Package wrappedlisteners serves on listeners its own network kit
// (netx) makes: a second listener on localhost beside the public one,
// wrapped in the kit's idle-timeout listener.
package wrappedlisteners

import (
	"log"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"

	"wrappedlisteners/netx"
)

func newServer(h http.Handler) *http.Server { return &http.Server{Handler: h} }

func serveBoth(h http.Handler, host string, port int) {
	ipListener, localListener, err := netx.NewIPAndLocalListeners(host, port, time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	if localListener != nil {
		go func() {
			if err = newServer(h).Serve(localListener); err != nil { // no diagnostic: the helper's second listener is on localhost
				log.Print(err)
			}
		}()
	}
	if err = newServer(h).Serve(ipListener); err != nil { // want `\(\*http.Server\).Serve starts newServer\(h\), which sets neither`
		log.Fatal(err)
	}
}

func serveLocal(h http.Handler) error {
	l, err := netx.NewLocalListener(8080)
	if err != nil {
		return err
	}
	return newServer(h).Serve(l) // no diagnostic: [::1], wrapped and limited
}

func serveLimited(h http.Handler) error {
	l, err := net.Listen("tcp", "localhost:9000")
	if err != nil {
		return err
	}
	return http.Serve(netutil.LimitListener(l, 100), h) // no diagnostic: a limit on a loopback listener
}

// idleListener is this package's wrapper: Accept is the embedded one's.
type idleListener struct {
	net.Listener
	idle time.Duration
}

// countingListener counts what it accepts from inner.
type countingListener struct {
	inner net.Listener
	n     int
}

func (c *countingListener) Accept() (net.Conn, error) {
	conn, err := c.inner.Accept()
	if err == nil {
		c.n++
	}
	return conn, err
}

func (c *countingListener) Close() error   { return c.inner.Close() }
func (c *countingListener) Addr() net.Addr { return c.inner.Addr() }

func serveIdle(h http.Handler) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	return http.Serve(&idleListener{Listener: l, idle: time.Minute}, h) // no diagnostic: wraps a loopback listener
}

func serveCounting(h http.Handler) error {
	l, err := net.Listen("unix", "/run/app.sock")
	if err != nil {
		return err
	}
	return http.Serve(&countingListener{inner: l}, h) // no diagnostic: wraps a Unix socket
}

func serveCountingPublic(h http.Handler) error {
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(&countingListener{inner: l}, h) // want `http.Serve starts a server that cannot have timeouts`
}

func serveJoinedElsewhere(h http.Handler) error {
	// reported: a helper of another package that joins the address is
	// not followed (no fact says what it returns)
	l, err := net.Listen("tcp", netx.JoinHostPort("127.0.0.1", 9000))
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}

func servePublic(h http.Handler, addr string) error {
	l, err := netx.NewListener(addr, time.Minute)
	if err != nil {
		return err
	}
	return newServer(h).Serve(l) // want `\(\*http.Server\).Serve starts newServer\(h\), which sets neither`
}

func serveFanout(h http.Handler, addr string) error {
	l, err := netx.NewFanout(addr)
	if err != nil {
		return err
	}
	return newServer(h).Serve(l) // want `\(\*http.Server\).Serve starts newServer\(h\), which sets neither`
}

func serveOdd(h http.Handler) error {
	l, err := netx.NewOddListener()
	if err != nil {
		return err
	}
	return newServer(h).Serve(l) // want `\(\*http.Server\).Serve starts newServer\(h\), which sets neither`
}

func serveWrapped(h http.Handler) error {
	// reported: the kit's Listener declares its own Accept in another
	// package, whose body this package cannot see
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return err
	}
	return http.Serve(&netx.Listener{Listener: l}, h) // want `http.Serve starts a server that cannot have timeouts`
}
