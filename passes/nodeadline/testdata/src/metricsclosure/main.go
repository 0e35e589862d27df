// Command metricsclosure serves the DefaultServeMux, which gets only
// promhttp's handler and a health probe, from an http.Server that
// closures start and shut down (from fresh15's Trillian serverutil): the
// closures call only the server's methods, so its Handler stays unset.
// Look-alikes whose closure sets the handler or hands the server on stay
// reported.
package main

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func healthz(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }

func Run(ctx context.Context, endpoint, cert, key string) error {
	http.Handle("/metrics", promhttp.Handler())
	http.HandleFunc("/healthz", healthz)
	s := &http.Server{Addr: endpoint}
	run := func() error {
		if cert != "" {
			return s.ListenAndServeTLS(cert, key) // no diagnostic: the DefaultServeMux serves metrics and a health probe only
		}
		return s.ListenAndServe()
	}
	shutdown := func() {
		s.Shutdown(context.Background())
	}
	go func() {
		<-ctx.Done()
		shutdown()
	}()
	return run()
}

func RunBackground(endpoint string) func() error {
	s := &http.Server{Addr: endpoint}
	go func() {
		s.ListenAndServe() // no diagnostic: a goroutine's closure only starts the server; the DefaultServeMux serves metrics and a health probe only
	}()
	return func() error { return s.Close() }
}

func RunDeferred(endpoint string) error {
	s := &http.Server{Addr: endpoint}
	stop := func() { s.Close() }
	defer stop()
	serve := func() error { return s.ListenAndServe() } // no diagnostic: closures that start and close the server set no field of it
	return serve()
}

func RunHandlerSet(endpoint string, h http.Handler) error {
	s := &http.Server{Addr: endpoint}
	set := func() { s.Handler = h }
	set()
	return s.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts s, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

func RunHandedOn(endpoint string) error {
	s := &http.Server{Addr: endpoint}
	configure := func() { tune(s) }
	configure()
	return s.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts s, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

func RunReassigned(endpoint string, h http.Handler, api bool) error {
	s := &http.Server{Addr: endpoint}
	if api {
		s = &http.Server{Addr: endpoint, Handler: h}
	}
	run := func() error {
		return s.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts s, which sets neither ReadHeaderTimeout nor ReadTimeout`
	}
	return run()
}

func tune(s *http.Server) { s.Handler = http.NotFoundHandler() }

func main() {
	Run(context.Background(), ":8091", "", "")
	RunHandlerSet(":8092", http.NotFoundHandler())
	RunHandedOn(":8093")
	RunReassigned(":8094", http.NotFoundHandler(), true)
	RunBackground(":8095")
	RunDeferred(":8096")
}
