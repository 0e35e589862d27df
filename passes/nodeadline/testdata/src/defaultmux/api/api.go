// want package:"registers other handlers on http.DefaultServeMux"

// Package api registers the application's API on the DefaultServeMux.
package api

import "net/http"

// Register adds the API.
func Register() {
	http.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
}

// Install adds the API to mux.
func Install(mux *http.ServeMux) {
	mux.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
}
