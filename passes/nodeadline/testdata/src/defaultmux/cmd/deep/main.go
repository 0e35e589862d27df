// Command deep imports pprof, and the API reaches the DefaultServeMux
// through a package that does not use net/http itself.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"defaultmux/app"
)

func main() {
	app.Start()
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
