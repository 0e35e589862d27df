// Command metricsdefault registers promhttp's handler on the
// DefaultServeMux in one function and serves it in another, with no
// pprof or expvar import: the handler says it is a metrics listener.
package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func registerMetrics() {
	http.Handle("/metrics", promhttp.Handler())
	http.HandleFunc("/debug/ready", func(http.ResponseWriter, *http.Request) {})
}

func main() {
	registerMetrics()
	http.ListenAndServe(":9090", nil) // no diagnostic: the DefaultServeMux serves metrics and a debug route only
}
