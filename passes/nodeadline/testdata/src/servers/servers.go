// Package servers holds HTTP server cases: servers started with neither
// ReadHeaderTimeout nor ReadTimeout, followed from where they are made to
// where they start, and the servers that have a timeout.
package servers

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func listenAndServe(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe starts a server that cannot have timeouts; a client that sends its request headers slowly holds a connection and a goroutine forever \(use an http.Server with ReadHeaderTimeout\)`
}

func listenAndServeTLS(addr string) error {
	return http.ListenAndServeTLS(addr, "cert.pem", "key.pem", nil) // want `http.ListenAndServeTLS starts a server that cannot have timeouts`
}

func serve(l net.Listener, mux *http.ServeMux) error {
	return http.Serve(l, mux) // want `http.Serve starts a server that cannot have timeouts`
}

func serveTLS(l net.Listener) error {
	return http.ServeTLS(l, http.HandlerFunc(hello), "cert.pem", "key.pem") // want `http.ServeTLS starts a server`
}

// No fix: in an http.Server literal, newMux() would run before l is read.
func serveMadeHandler(l net.Listener) error {
	return http.Serve(l, newMux()) // want `http.Serve starts a server`
}

func newMux() *http.ServeMux { return http.NewServeMux() }

func hello(w http.ResponseWriter, r *http.Request) {}

func literal(h http.Handler) error {
	srv := &http.Server{
		Addr:         ":8080",
		Handler:      h,
		WriteTimeout: 10 * time.Second,
	}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout; a client that sends its request headers slowly holds a connection and a goroutine forever \(set ReadHeaderTimeout\)`
}

func valueServer(l net.Listener) error {
	var srv http.Server
	srv.Handler = http.NotFoundHandler()
	return srv.Serve(l) // want `\(\*http.Server\).Serve starts srv, which sets neither`
}

func tlsServer(l net.Listener, conf *tls.Config) error {
	srv := &http.Server{TLSConfig: conf, ReadHeaderTimeout: 0}
	return srv.ServeTLS(l, "", "") // want `\(\*http.Server\).ServeTLS starts srv`
}

// App keeps its server in an unexported field.
type App struct{ srv *http.Server }

func NewApp(h http.Handler) *App {
	return &App{srv: &http.Server{Addr: ":9000", Handler: h}}
}

func (a *App) Run() error {
	return a.srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts a.srv, which sets neither`
}

func (a *App) Stop() error { return a.srv.Close() }

func constructor() *http.Server {
	return &http.Server{Addr: ":7000"}
}

func fromConstructor() error {
	go func() {
		s := constructor()
		s.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts s`
	}()
	return nil
}

// ---- servers with a timeout

func readHeaderTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe() // no diagnostic: ReadHeaderTimeout is set
}

func readTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: time.Minute}
	return srv.ListenAndServe() // no diagnostic: ReadTimeout also bounds reading the headers
}

func assignedLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe() // no diagnostic: the timeout is assigned after the literal (gosec G112 still reports the literal)
}

type Tuned struct{ srv *http.Server }

func NewTuned() *Tuned { return &Tuned{srv: &http.Server{}} }

func (t *Tuned) Timeouts(d time.Duration) { t.srv.ReadHeaderTimeout = d }

func (t *Tuned) Run() error {
	return t.srv.ListenAndServe() // no diagnostic: Timeouts sets the field's server's ReadHeaderTimeout
}

func configure(s *http.Server) { s.ReadTimeout = time.Minute }

func configuredElsewhere() error {
	srv := &http.Server{}
	configure(srv)
	return srv.ListenAndServe() // no diagnostic: handed to code that may set a timeout
}

func serverParam(srv *http.Server) error {
	return srv.ListenAndServe() // no diagnostic: the caller's server may have timeouts
}

func neverStarted() *http.Server {
	return &http.Server{Addr: ":1"} // no diagnostic: this server is not started here (its caller's start is reported)
}

func shutdownOnly(srv *http.Server) {
	s := &http.Server{}
	s.Close() // no diagnostic: closing is not starting
	_ = srv
}

func unixServer(sock string) error {
	l, err := net.Listen("unix", sock)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	return srv.Serve(l) // no diagnostic: only local processes reach a Unix socket
}

func unixServeFunc(sock string) error {
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		return err
	}
	return http.Serve(l, nil) // no diagnostic: only local processes reach a Unix socket
}

func tcpServer(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{}
	return srv.Serve(l) // want `\(\*http.Server\).Serve starts srv, which sets neither`
}

func unixTLSServer(sock string, conf *tls.Config) error {
	l, err := net.Listen("unix", sock)
	if err != nil {
		return err
	}
	defer func() { l.Close() }()
	srv := &http.Server{}
	return srv.Serve(tls.NewListener(l, conf)) // no diagnostic: TLS over a Unix socket is still local
}
