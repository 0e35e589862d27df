// want package:"registers debug handlers on http.DefaultServeMux; registers other handlers on http.DefaultServeMux"

// Package debugother looks like debugindex, but hands the DefaultServeMux
// to a library the tables do not know, which may register any route.
package debugother

import (
	"net"
	"net/http"

	"example.com/graphs"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func Listen(addr, root string) (net.Listener, error) {
	http.Handle("/debug/metrics", promhttp.Handler())
	graphs.Register(http.DefaultServeMux, root)
	return net.Listen("tcp", addr)
}

func Run(l net.Listener) error {
	s := http.Server{Handler: http.DefaultServeMux}
	return s.Serve(l) // want `\(\*http.Server\).Serve starts s, which sets neither ReadHeaderTimeout nor ReadTimeout`
}
