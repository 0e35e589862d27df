// Command pprofown imports net/http/pprof and a package of its own that
// uses net/http, which may register routes on the DefaultServeMux.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"pprofown/routes"
)

func main() {
	routes.Register()
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
