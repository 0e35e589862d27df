// want package:"registers debug handlers on http.DefaultServeMux"

// Package debugindex serves, on the DefaultServeMux, metrics and other
// pages under /debug/, an index at /debug and a redirect of "/" to it,
// and statsviz's graphs, as FerretDB's debug listener does: an
// operator's listener.
package debugindex

import (
	"bytes"
	"net"
	"net/http"

	"github.com/arl/statsviz"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func Listen(addr string, archive http.HandlerFunc) (net.Listener, error) {
	http.Handle("/debug/metrics", promhttp.Handler())
	http.HandleFunc("/debug/archive", archive)
	if err := statsviz.Register(http.DefaultServeMux, statsviz.Root("/debug/graphs")); err != nil {
		return nil, err
	}
	var page bytes.Buffer
	page.WriteString("<a href=/debug/metrics>metrics</a>")
	http.HandleFunc("/debug", func(w http.ResponseWriter, _ *http.Request) {
		w.Write(page.Bytes())
	})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/debug", http.StatusSeeOther)
	})
	return net.Listen("tcp", addr)
}

func Run(l net.Listener) error {
	s := http.Server{Handler: http.DefaultServeMux}
	return s.Serve(l) // no diagnostic: every route serves debugging, "/" only redirects to the index
}
