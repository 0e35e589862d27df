package main

import (
	"flag"
	"net/http"
	"os"
)

// serveAddr's loopback default is replaced through the pointer when the
// platform gives a port (Cloud Run, Heroku, Fly): every interface.
var serveAddr = flag.String("serve", "localhost:8080", "the address to serve on")

func platformPort() {
	flag.Parse()
	if port := os.Getenv("PORT"); port != "" {
		*serveAddr = ":" + port
	}
	http.ListenAndServe(*serveAddr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func localPointer() {
	addr := flag.String("addr", "localhost:8080", "listen address")
	flag.Parse()
	if port := os.Getenv("PORT"); port != "" {
		*addr = ":" + port
	}
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func closureWrites() {
	addr := flag.String("addr2", "localhost:8080", "listen address")
	override := func(v string) { *addr = v }
	flag.Parse()
	override(os.Getenv("ADDR"))
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func handedOn() {
	addr := flag.String("addr3", "localhost:8080", "listen address")
	flag.Parse()
	fromEnv(addr)
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func fromEnv(p *string) {
	if v := os.Getenv("ADDR"); v != "" {
		*p = v
	}
}

func readOnly() {
	addr := flag.String("addr4", "localhost:8080", "listen address")
	flag.Parse()
	show := func() string { return *addr }
	_ = show()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // no diagnostic: the flag's loopback default is only read
}

func secondVariable() {
	addr := flag.String("addr5", "localhost:8080", "listen address")
	alias := addr
	set := func() { *alias = os.Getenv("ADDR") }
	flag.Parse()
	set()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

var globalAddr = flag.String("addr6", "localhost:8080", "listen address")

func globalHandedOn() {
	flag.Parse()
	fromEnv(globalAddr)
	http.ListenAndServe(*globalAddr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
