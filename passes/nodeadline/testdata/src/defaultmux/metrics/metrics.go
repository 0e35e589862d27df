// want package:"registers debug handlers on http.DefaultServeMux"

// Package metrics registers the metrics endpoint on the DefaultServeMux.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Register adds /metrics.
func Register() {
	http.Handle("/metrics", promhttp.Handler())
}
