// Command tracepages serves the DefaultServeMux on a debug address;
// besides pprof's routes it holds the /debug pages of x/net/trace, which
// a gRPC dependency imports, and whose initializer looks the mux up
// before it registers them.
package main

import (
	"net/http"
	_ "net/http/pprof"

	_ "golang.org/x/net/trace"
)

func main() {
	http.ListenAndServe(":6060", nil) // no diagnostic: the DefaultServeMux has only debug routes
}
