// want package:"registers other handlers on http.DefaultServeMux"

// Package apitest is the test helper of package api (Go's xtest
// convention: named after a package it imports).
package apitest

import (
	"net/http"

	"roles/api"
)

// Serve starts a fake of the API.
func Serve(addr string) error {
	http.HandleFunc("/"+api.Version+"/", func(http.ResponseWriter, *http.Request) {})
	return http.ListenAndServe(addr, nil) // no diagnostic: developer-code
}
