// want package:"registers other handlers on http.DefaultServeMux"

// Package apiserver is a library that registers the application's API
// on the DefaultServeMux (through the api package) and serves it: a
// network server, nearest to debuglisten.
package apiserver

import (
	"net/http"

	"defaultmux/api"
)

// Run serves the API on addr.
func Run(addr string) error {
	api.Register()
	return http.ListenAndServe(addr, nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
