package wrappedlisteners

import (
	"net"
	"net/http"

	"wrappedlisteners/netx"
)

// merged hands out what a pump goroutine accepted from another listener
// before it accepts from its own.
type merged struct {
	local net.Listener
	conns chan net.Conn
}

func (m *merged) Accept() (net.Conn, error) {
	select {
	case c := <-m.conns:
		return c, nil
	default:
	}
	return m.local.Accept()
}

func (m *merged) Close() error   { return m.local.Close() }
func (m *merged) Addr() net.Addr { return m.local.Addr() }

func pump(l net.Listener, ch chan net.Conn) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		ch <- c
	}
}

func serveMerged(h http.Handler, addr string) error {
	local, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	public, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	ch := make(chan net.Conn)
	go pump(public, ch)
	return http.Serve(&merged{local: local, conns: ch}, h) // want `http.Serve starts a server that cannot have timeouts`
}

// dual alternates between its own Accept and a helper that accepts from
// its other listener.
type dual struct {
	local, public net.Listener
	n             int
}

func (d *dual) Accept() (net.Conn, error) {
	d.n++
	if d.n%2 == 0 {
		return d.local.Accept()
	}
	return acceptFrom(d.public)
}

func acceptFrom(l net.Listener) (net.Conn, error) { return l.Accept() }

func (d *dual) Close() error   { return d.local.Close() }
func (d *dual) Addr() net.Addr { return d.local.Addr() }

func serveDual(h http.Handler, addr string) error {
	local, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	public, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(&dual{local: local, public: public}, h) // want `http.Serve starts a server that cannot have timeouts`
}

// swappable's listener is replaced by its own method.
type swappable struct{ inner net.Listener }

func (w *swappable) Accept() (net.Conn, error) { return w.inner.Accept() }
func (w *swappable) Close() error              { return w.inner.Close() }
func (w *swappable) Addr() net.Addr            { return w.inner.Addr() }
func (w *swappable) swap(l net.Listener)       { w.inner = l }

func serveSwapped(h http.Handler, addr string) error {
	local, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	w := &swappable{inner: local}
	go func() {
		public, err := net.Listen("tcp", addr)
		if err == nil {
			w.swap(public)
		}
	}()
	return http.Serve(w, h) // want `http.Serve starts a server that cannot have timeouts`
}

func serveKitSwapped(h http.Handler, addr string) error {
	local, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	w := &netx.Swappable{Inner: local}
	if public, err := net.Listen("tcp", addr); err == nil {
		w.Swap(public)
	}
	return http.Serve(w, h) // want `http.Serve starts a server that cannot have timeouts`
}

func servePicked(h http.Handler, ports []string) error {
	l, err := net.Listen("tcp", netx.Pick("localhost", ports))
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}
