// Command publicvalue has a flag whose Set method sets the address
// flag: the program, not the command line, chooses the address.
package main

import (
	"flag"
	"net/http"
)

type publicFlag struct{ on bool }

func (p *publicFlag) String() string { return "" }

func (p *publicFlag) Set(v string) error {
	p.on = true
	return flag.Set("addr", "0.0.0.0:8080")
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Var(&publicFlag{}, "public", "listen on every interface")
	flag.Parse()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
