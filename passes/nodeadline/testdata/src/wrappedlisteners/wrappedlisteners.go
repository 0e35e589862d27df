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
	l, err := net.Listen("tcp", netx.JoinHostPort("127.0.0.1", 9000))
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: the kit joins a loopback host (fact on JoinHostPort)
}

func serveJoinedPublic(h http.Handler, host string) error {
	l, err := net.Listen("tcp", netx.JoinHostPort(host, 9000))
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}

func serveJoinedPort(h http.Handler) error {
	l, err := net.Listen("tcp", netx.JoinHostPort("0.0.0.0", 9000))
	if err != nil {
		return err
	}
	return http.Serve(&netx.Listener{Listener: l}, h) // want `http.Serve starts a server that cannot have timeouts`
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
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return err
	}
	return http.Serve(&netx.Listener{Listener: l}, h) // no diagnostic: the kit's Listener accepts from the loopback one it wraps (fact on Accept)
}

func serveFanoutLiteral(h http.Handler, addr string) error {
	local, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return err
	}
	public, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// the kit's Fanout accepts from two fields: no fact, reported
	return http.Serve(&netx.Fanout{Local: local, Public: public}, h) // want `http.Serve starts a server that cannot have timeouts`
}
