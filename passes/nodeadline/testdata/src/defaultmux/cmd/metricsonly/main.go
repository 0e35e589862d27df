// Command metricsonly serves the DefaultServeMux, on which the only
// registrations are the metrics of another package of the module
// (through http.Handle in a function of it) and pprof's, imported by a
// third: a debug listener. A package of the module that uses net/http
// as a client registers nothing.
package main

import (
	"net/http"

	"defaultmux/client"
	"defaultmux/metrics"
	_ "defaultmux/profiling"
)

func main() {
	metrics.Register()
	client.Fetch("http://example.com/")
	http.ListenAndServe(":9090", nil) // no diagnostic: only debug handlers on the DefaultServeMux
}
