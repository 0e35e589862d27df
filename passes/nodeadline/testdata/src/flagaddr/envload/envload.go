// Command envload has its flags filled from the environment by a package
// of the program (the fact "may set any command-line flag").
package main

import (
	"flag"
	"net/http"

	"flagaddr/envload/envflag"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	envflag.Load(flag.CommandLine, "APP_")
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
