// Command deferset sets the address flag in a deferred call.
package main

import (
	"flag"
	"net/http"
	"os"
)

func platform() {
	if p := os.Getenv("PORT"); p != "" {
		defer flag.Set("addr", ":"+p)
	}
	flag.Parse()
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	platform()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
