// Command pprofelsewhere serves the DefaultServeMux; the pprof import is
// in another package of the module.
package main

import (
	"net/http"

	_ "defaultmux/profiling"
)

func main() {
	srv := &http.Server{Addr: ":6060"}
	srv.ListenAndServe() // no diagnostic: no Handler, the DefaultServeMux has only pprof's routes
}
