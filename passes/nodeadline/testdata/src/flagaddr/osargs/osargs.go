// Command osargs prepends an address to os.Args before parsing it: the
// program writes its own command line.
package main

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	if port := os.Getenv("PORT"); port != "" {
		os.Args = append([]string{os.Args[0], "-addr=:" + port}, os.Args[1:]...)
	}
	flag.Parse()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
