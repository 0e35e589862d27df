// Command pprofrouted serves muxes with pprof routes beside routes that
// a router's interface registers: network servers. A mux handed on only
// as an http.Handler (a middleware) gets no routes that way.
package main

import (
	"net/http"
	"net/http/pprof"
)

// ServeMux is the interface of oapi-codegen's std-http output: what is
// given one registers the API's routes on it.
type ServeMux interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
	ServeHTTP(http.ResponseWriter, *http.Request)
}

func handlerFromMux(m ServeMux) http.Handler {
	m.HandleFunc("GET /pets", func(http.ResponseWriter, *http.Request) {})
	return m
}

func main() {
	mux := http.NewServeMux()
	handlerFromMux(mux)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither`
}

// Router is the code's own registration interface.
type Router interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
}

func registerAPI(r Router) {
	r.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
}

func ownInterface() {
	mux := http.NewServeMux()
	registerAPI(mux)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	http.ListenAndServe(":8081", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func anyHandedOn(register func(any)) {
	mux := http.NewServeMux()
	register(mux) // may be asserted back to the mux
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	http.ListenAndServe(":8082", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) })
}

func debugBehindMiddleware() {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	logged(mux)                       // a middleware sees only an http.Handler: it adds no routes
	http.ListenAndServe(":6060", mux) // no diagnostic: a profiling listener
}
