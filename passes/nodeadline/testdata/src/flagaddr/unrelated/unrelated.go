// Command unrelated imports a package that sets another flag by name:
// the address flag keeps its loopback default.
package main

import (
	"flag"
	"net/http"

	"flagaddr/unrelated/other"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	other.Quiet()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // no diagnostic: only -v is set by name
}
