// want package:"registers other handlers on http.DefaultServeMux"

// Package app uses no net/http itself; the api package it imports
// registers the API on the DefaultServeMux.
package app

import "defaultmux/api"

// Start registers the API.
func Start() { api.Register() }
