// Command aliasorder copies the flag's pointer into another variable and
// stores through that one in a function written after main: the answer
// must not depend on the order of the functions.
package main

import (
	"flag"
	"net/http"
	"os"
)

var (
	listenAddr = flag.String("addr", "127.0.0.1:8080", "listen address")
	current    *string
)

func main() {
	current = listenAddr
	flag.Parse()
	platformOverride()
	http.ListenAndServe(*listenAddr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func platformOverride() {
	if p := os.Getenv("PORT"); p != "" {
		*current = ":" + p
	}
}
