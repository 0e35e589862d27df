// Command funcvalue keeps flag.Set in a variable and calls it.
package main

import (
	"flag"
	"net/http"
	"os"
)

var setFlag = flag.Set

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	if p := os.Getenv("PORT"); p != "" {
		setFlag("addr", ":"+p)
	}
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
