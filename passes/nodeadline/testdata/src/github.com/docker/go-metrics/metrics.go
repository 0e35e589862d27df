// Package metrics is a stub of github.com/docker/go-metrics, whose
// Handler returns promhttp's. The stub's body says nothing (it returns
// nil): in a real build the module has a version, so no pass computes
// facts for it (driver.SkipLibraries), and only relevance's table of
// common libraries knows its Handler serves metrics.
package metrics

import "net/http"

// Handler returns the Prometheus handler.
func Handler() http.Handler { return nil }
