// Command setany sets flags from a map of names: any flag's default may
// be replaced.
package main

import (
	"flag"
	"net/http"
)

func overrides() map[string]string { return map[string]string{"addr": ":80"} }

func main() {
	addr := flag.String("addr", "localhost:8080", "listen address")
	flag.Parse()
	for name, v := range overrides() {
		flag.Set(name, v)
	}
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
