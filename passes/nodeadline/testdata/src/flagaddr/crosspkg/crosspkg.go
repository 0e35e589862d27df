// Command crosspkg has its address flag set by a package of the program
// it imports (the fact "sets command-line flags addr").
package main

import (
	"flag"
	"net/http"

	"flagaddr/crosspkg/platform"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	platform.Configure()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
