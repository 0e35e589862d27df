// Command mixed serves the DefaultServeMux, which gets the metrics and
// the application's API from packages of the module: a network server.
package main

import (
	"net/http"

	"defaultmux/api"
	"defaultmux/metrics"
)

func main() {
	metrics.Register()
	api.Register()
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
