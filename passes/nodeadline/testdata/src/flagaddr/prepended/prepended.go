// Command prepended writes an argument for its address flag in front of
// the command line it parses: the program, not the operator, moves the
// address off loopback.
package main

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	verbose := flag.Bool("v", false, "verbose")
	args := os.Args[1:]
	if os.Getenv("KUBERNETES_SERVICE_HOST") != "" {
		args = append([]string{"-addr=0.0.0.0:8080", "-v"}, args...)
	}
	flag.CommandLine.Parse(args)
	_ = verbose
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
