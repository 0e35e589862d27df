// Command otherarg writes an argument for another of its flags: the
// address flag keeps its loopback default.
package main

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	verbose := flag.Bool("v", false, "verbose")
	flag.CommandLine.Parse(append([]string{"-v"}, os.Args[1:]...))
	_ = verbose
	http.ListenAndServe(*addr, http.NotFoundHandler()) // no diagnostic: only -v is written by the program
}
