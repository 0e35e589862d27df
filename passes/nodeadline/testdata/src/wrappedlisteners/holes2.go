package wrappedlisteners

import (
	"net"
	"net/http"

	"wrappedlisteners/netx"
	"wrappedlisteners/setter"
)

// A: whole-value replacement in a method.
type resettable struct{ inner net.Listener }

func (r *resettable) Accept() (net.Conn, error) { return r.inner.Accept() }
func (r *resettable) Close() error              { return r.inner.Close() }
func (r *resettable) Addr() net.Addr            { return r.inner.Addr() }
func (r *resettable) reset(l net.Listener)      { *r = resettable{inner: l} }

func serveReset(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	r := &resettable{inner: local}
	if public, err := net.Listen("tcp", addr); err == nil {
		r.reset(public)
	}
	return http.Serve(r, h) // want `http.Serve starts a server that cannot have timeouts`
}

// B: Accept hands out a global listener's connections through a helper.
var publicL net.Listener

type twin struct {
	local net.Listener
	n     int
}

func (t *twin) Accept() (net.Conn, error) {
	t.n++
	if t.n%2 == 0 {
		return t.local.Accept()
	}
	return acceptFrom(publicL)
}
func (t *twin) Close() error   { return t.local.Close() }
func (t *twin) Addr() net.Addr { return t.local.Addr() }

func serveTwin(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	publicL, _ = net.Listen("tcp", addr)
	return http.Serve(&twin{local: local}, h) // want `http.Serve starts a server that cannot have timeouts`
}

// C: the other listener in a nested field.
type pubs struct{ public net.Listener }

type nested struct {
	local net.Listener
	more  pubs
	n     int
}

func (x *nested) Accept() (net.Conn, error) {
	x.n++
	if x.n%2 == 0 {
		return x.local.Accept()
	}
	return acceptFrom(x.more.public)
}
func (x *nested) Close() error   { return x.local.Close() }
func (x *nested) Addr() net.Addr { return x.local.Addr() }

func serveNested(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	public, _ := net.Listen("tcp", addr)
	return http.Serve(&nested{local: local, more: pubs{public: public}}, h) // want `http.Serve starts a server that cannot have timeouts`
}

// D: promoted Accept of another package's type, swapped there.
func serveEmbeddedSwapped(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	w := &netx.Embedded{Listener: local}
	if public, err := net.Listen("tcp", addr); err == nil {
		w.Swap(public)
	}
	return http.Serve(w, h) // want `http.Serve starts a server that cannot have timeouts`
}

// E: generic wrapper swapped by its generic method.
type gen[T any] struct {
	net.Listener
	tag T
}

func (g *gen[T]) swap(l net.Listener) { g.Listener = l }

func serveGen(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	g := &gen[int]{Listener: local}
	if public, err := net.Listen("tcp", addr); err == nil {
		g.swap(public)
	}
	return http.Serve(g, h) // want `http.Serve starts a server that cannot have timeouts`
}

// F: a third package sets the kit Listener's exported field.
func serveSetter(h http.Handler, addr string) error {
	local, _ := net.Listen("tcp", "127.0.0.1:0")
	w := &netx.Listener{Listener: local}
	if public, err := net.Listen("tcp", addr); err == nil {
		setter.Set(w, public)
	}
	return http.Serve(w, h) // want `http.Serve starts a server that cannot have timeouts`
}
