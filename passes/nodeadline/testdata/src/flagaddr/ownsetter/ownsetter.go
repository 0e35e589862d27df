// Command ownsetter sets the address flag through an interface of its
// own that flag.CommandLine satisfies.
package main

import (
	"flag"
	"net/http"
	"os"
)

type flagSetter interface {
	Set(name, value string) error
}

func applyPlatform(fs flagSetter) {
	if port := os.Getenv("PORT"); port != "" {
		fs.Set("addr", ":"+port)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	applyPlatform(flag.CommandLine)
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
