// want package:"registers debug handlers on http.DefaultServeMux; registers other handlers on http.DefaultServeMux"

// Package debugindexapp looks like debugindex, but "/" serves the
// application, not a redirect to the debug index.
package debugindexapp

import (
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func Listen(addr string, app http.Handler) (net.Listener, error) {
	http.Handle("/debug/metrics", promhttp.Handler())
	http.Handle("/", app)
	return net.Listen("tcp", addr)
}

func Run(l net.Listener) error {
	s := http.Server{Handler: http.DefaultServeMux}
	return s.Serve(l) // want `\(\*http.Server\).Serve starts s, which sets neither ReadHeaderTimeout nor ReadTimeout`
}
