package main

import (
	"flag"
	"net/http"
	"os"

	"github.com/spf13/pflag"
)

// The loopback default of a flag the program sets by name is replaced
// like one written through its pointer.

func setByName() {
	addr := flag.String("setaddr", "localhost:8080", "listen address")
	flag.Parse()
	if port := os.Getenv("PORT"); port != "" {
		flag.Set("setaddr", ":"+port)
	}
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

var lookedUp = flag.String("lookaddr", "localhost:8081", "listen address")

func setThroughLookup() {
	flag.Parse()
	flag.Lookup("lookaddr").Value.Set(os.Getenv("ADDR"))
	http.ListenAndServe(*lookedUp, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

var pflagged string

func setOnFlagSet() {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.StringVar(&pflagged, "paddr", "127.0.0.1:8082", "listen address")
	fs.Parse(os.Args[1:])
	fs.Set("paddr", os.Getenv("ADDR"))
	http.ListenAndServe(pflagged, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func otherFlagSet() {
	addr := flag.String("keepaddr", "localhost:8083", "listen address")
	flag.Parse()
	flag.Set("verbose", "true")
	http.ListenAndServe(*addr, http.NotFoundHandler()) // no diagnostic: another flag was set, this one keeps its loopback default
}
