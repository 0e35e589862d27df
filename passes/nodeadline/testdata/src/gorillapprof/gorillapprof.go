// want package:"registers debug handlers on http.DefaultServeMux"

// Package gorillapprof serves net/http/pprof on a gorilla/mux router (not
// reported: a debug listener), beside routers that serve more than
// debugging (reported).
package gorillapprof

import (
	"net/http"
	"net/http/pprof"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func servePprof(addr string) {
	go func() {
		router := mux.NewRouter()
		router.PathPrefix("/debug/pprof/").HandlerFunc(pprof.Index)
		http.ListenAndServe(addr, router) // no diagnostic: the router serves only pprof
	}()
}

func servePprofRoutes(addr string) error {
	r := mux.NewRouter()
	r.HandleFunc("/debug/pprof/", pprof.Index).Methods(http.MethodGet)
	r.HandleFunc("/debug/pprof/profile", pprof.Profile)
	r.Path("/debug/pprof/trace").Handler(http.HandlerFunc(pprof.Trace))
	return http.ListenAndServe(addr, r) // no diagnostic: only debug routes, one narrowed to GET
}

// initMetrics registers the metrics handler on the router it is given
// (kopia's initPrometheus): a debug helper.
func initMetrics(m *mux.Router) {
	m.Handle("/metrics", promhttp.Handler())
}

func serveMetricsHelper(addr string, pprofToo bool) {
	m := mux.NewRouter()
	initMetrics(m)
	if pprofToo {
		m.HandleFunc("/debug/pprof/", pprof.Index)
		m.HandleFunc("/debug/pprof/{cmd}", pprof.Index)
	}
	go http.ListenAndServe(addr, m) // no diagnostic: metrics through the helper, and pprof
}

// ---- look-alikes: routers that serve more than debugging

// initAPI registers more than debugging: no debug helper.
func initAPI(m *mux.Router, api http.HandlerFunc) {
	m.Handle("/metrics", promhttp.Handler())
	m.HandleFunc("/v1/jobs", api)
}

func serveAPIHelper(addr string, api http.HandlerFunc) error {
	m := mux.NewRouter()
	initAPI(m, api)
	return http.ListenAndServe(addr, m) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func serveAPI(addr string, api http.HandlerFunc) error {
	r := mux.NewRouter()
	r.PathPrefix("/debug/pprof/").HandlerFunc(pprof.Index)
	r.HandleFunc("/v1/containers", api)
	return http.ListenAndServe(addr, r) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func serveSubrouter(addr string, api http.HandlerFunc) error {
	r := mux.NewRouter()
	sub := r.PathPrefix("/debug/").Subrouter() // the subrouter's routes are any
	sub.HandleFunc("/v1/containers", api)
	return http.ListenAndServe(addr, r) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func serveHandedOn(addr string, register func(*mux.Router)) error {
	r := mux.NewRouter()
	r.PathPrefix("/debug/pprof/").HandlerFunc(pprof.Index)
	register(r)                         // routes may be added there
	return http.ListenAndServe(addr, r) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func pushgateway(addr string, push http.HandlerFunc) error {
	r := mux.NewRouter()
	r.Handle("/metrics", promhttp.Handler()).Methods("GET", "HEAD")
	r.HandleFunc("/metrics/job/{job}", push).Methods("POST", "PUT") // input, not a debug route
	return http.ListenAndServe(addr, r)                             // want `http.ListenAndServe starts a server that cannot have timeouts`
}
