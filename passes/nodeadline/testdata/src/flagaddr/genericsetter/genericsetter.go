// Command genericsetter sets a flag through a type parameter whose
// constraint has a FlagSet's Set method, by a name its caller gives.
package main

import (
	"flag"
	"net/http"
	"os"
)

type setter interface {
	Set(name, value string) error
}

func override[S setter](fs S, name, env string) {
	if v := os.Getenv(env); v != "" {
		fs.Set(name, v)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	override(flag.CommandLine, "addr", "LISTEN")
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
