// Command zpagesmain serves the profiles of net/http/pprof and
// OpenTelemetry's tracez page on the DefaultServeMux, on every
// interface, beside the command it runs: a debug listener.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"go.opentelemetry.io/contrib/zpages"
)

func main() {
	go func() {
		http.ListenAndServe("0.0.0.0:8080", nil) // no diagnostic: profiles and tracez only
	}()
	http.DefaultServeMux.Handle("/z", zpages.NewTracezHandler(zpages.NewSpanProcessor()))
	run()
}

func run() {}
