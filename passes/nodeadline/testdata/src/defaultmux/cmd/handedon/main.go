// Command handedon imports pprof and hands the DefaultServeMux to a
// function that registers the API on it.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"defaultmux/api"
)

func main() {
	api.Install(http.DefaultServeMux)
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
