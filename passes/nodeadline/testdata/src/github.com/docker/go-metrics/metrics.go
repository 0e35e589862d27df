// Package metrics is a stub of github.com/docker/go-metrics: its Handler
// is promhttp's.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler returns the Prometheus handler.
func Handler() http.Handler {
	return promhttp.Handler()
}
