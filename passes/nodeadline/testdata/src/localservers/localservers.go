// want package:"registers debug handlers on http.DefaultServeMux"

// Package localservers holds servers no stranger can reach, or that
// serve only debugging and metrics: their missing timeouts are moot
// (relevance.LocalServer), and servers that look alike but are reached
// from the network, which are still reported.
package localservers

import (
	"expvar"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/valyala/fasthttp/fasthttputil"
	"google.golang.org/grpc/test/bufconn"
)

func loopback(h http.Handler) error {
	return http.ListenAndServe("127.0.0.1:6060", h) // no diagnostic: loopback
}

func localhost(h http.Handler, port int) error {
	return http.ListenAndServe(fmt.Sprintf("localhost:%d", port), h) // no diagnostic: loopback
}

func ipv6Loopback(h http.Handler) error {
	return http.ListenAndServe("[::1]:6060", h) // no diagnostic: loopback
}

func loopbackField(h http.Handler) error {
	srv := &http.Server{Addr: "localhost:6060", Handler: h}
	return srv.ListenAndServe() // no diagnostic: loopback
}

func loopbackListener(h http.Handler) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(l) // no diagnostic: a loopback listener
}

func unixSocket(h http.Handler) error {
	l, err := net.Listen("unix", "/run/app.sock")
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: a unix socket
}

func inMemory(h http.Handler) error {
	l := bufconn.Listen(1 << 20)
	srv := &http.Server{Handler: h}
	return srv.Serve(l) // no diagnostic: in memory
}

func fastInMemory(h http.Handler) error {
	return http.Serve(fasthttputil.NewInmemoryListener(), h) // no diagnostic: in memory
}

// pipeListener hands out the ends of net.Pipe.
type pipeListener struct{ net.Listener }

func pipe(h http.Handler) error {
	return http.Serve(&pipeListener{}, h) // no diagnostic: in memory
}

func metrics() error {
	return http.ListenAndServe(":9090", promhttp.Handler()) // no diagnostic: metrics only
}

func vars() error {
	srv := &http.Server{Addr: ":9090", Handler: expvar.Handler()}
	return srv.ListenAndServe() // no diagnostic: metrics only
}

func profile() error {
	return http.ListenAndServe(":6060", http.HandlerFunc(pprof.Index)) // no diagnostic: profiling only
}

func debugMux() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.Handle("/debug/vars", expvar.Handler())
	srv := &http.Server{Addr: ":9090", Handler: mux}
	return srv.ListenAndServe() // no diagnostic: every route is debug or metrics
}

// Reached from the network: still reported.

func mixedMux(api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/api/", api)
	srv := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: time.Second}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither`
}

func allInterfaces(h http.Handler) error {
	return http.ListenAndServe("0.0.0.0:8080", h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func tcpListener(h http.Handler) error {
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
}

func addrReassigned(h http.Handler, public string) error {
	srv := &http.Server{Addr: "localhost:8080", Handler: h}
	srv.Addr = public
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv`
}

// A metrics mux made outside a goroutine and served inside it: the
// closure's free variable is followed to the mux.

func metricsInGoroutine(addr string) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	go func() {
		http.ListenAndServe(addr, mux) // no diagnostic: metrics only, the mux captured
	}()
}

func debugServerInGoroutine(addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	go func() {
		srv := &http.Server{Addr: addr, Handler: mux}
		srv.ListenAndServe() // no diagnostic: profiling only, the mux captured
	}()
}

func unixInGoroutine(h http.Handler) {
	l, _ := net.Listen("unix", "/run/app.sock")
	go func() {
		http.Serve(l, h) // no diagnostic: a unix socket, the listener captured
	}()
}

func mixedInGoroutine(addr string, api http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	go func() {
		http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
	}()
	mux.Handle("/api/", api) // a route added after the goroutine starts
}

func muxReassigned(addr string, api http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	go func() {
		http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
	}()
	mux = http.NewServeMux()
	mux.Handle("/", api)
}

func muxHandedOn(addr string, register func(*http.ServeMux)) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	register(mux) // may add any route
	go func() {
		http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
	}()
}

// metricsServerValue keeps its server in a variable of type http.Server
// (not a pointer) and starts it in a goroutine, with TLS or without,
// when the configuration says: every route is still metrics or
// profiling.
func metricsServerValue(ctx interface{ Done() <-chan struct{} }, l net.Listener, certFile, keyFile string, profiling bool) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	if profiling {
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	}
	server := http.Server{Handler: mux}
	go func() {
		var err error
		if certFile != "" {
			err = server.ServeTLS(l, certFile, keyFile) // no diagnostic: metrics and profiling only
		} else {
			err = server.Serve(l) // no diagnostic: metrics and profiling only
		}
		_ = err
	}()
	<-ctx.Done()
	server.Close()
}

// A metrics route registered as the ServeHTTP method value of promhttp's
// handler, on a path from the configuration: the method value serves
// what its handler serves.
func metricsMethodValue(addr, path string, reg prometheus.Gatherer) error {
	if path == "" {
		path = "/metrics"
	}
	mux := http.NewServeMux()
	mux.HandleFunc(path, promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP)
	srv := &http.Server{Addr: addr, Handler: mux}
	return srv.ListenAndServe() // no diagnostic: metrics only, through a method value
}

// The method value of a handler that is not debug stays reported.
func apiMethodValue(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", api.ServeHTTP)
	srv := &http.Server{Addr: addr, Handler: mux}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither`
}
