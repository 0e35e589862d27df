// Package routes registers the program's API on the DefaultServeMux.
package routes

import "net/http"

// Register adds the API's routes.
func Register() {
	http.HandleFunc("/api/", func(http.ResponseWriter, *http.Request) {})
}
