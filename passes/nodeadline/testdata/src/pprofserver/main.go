// Command pprofserver serves only net/http/pprof's handlers, which the
// blank import registers on the DefaultServeMux: a profiling listener.
package main

import (
	"net/http"
	_ "net/http/pprof"
)

func main() {
	go http.ListenAndServe(":6060", nil) // no diagnostic: the DefaultServeMux has only pprof's routes
	http.HandleFunc("/debug/health", func(http.ResponseWriter, *http.Request) {})
	srv := &http.Server{Addr: ":6061", Handler: nil}
	srv.ListenAndServe() // no diagnostic: the DefaultServeMux, debug routes only
}

func unset() {
	srv := &http.Server{Addr: ":6062"}
	srv.ListenAndServe() // no diagnostic: no Handler, the DefaultServeMux, debug routes only
}
