// Command lookupvar keeps a looked-up flag in a variable and sets its
// Value later: the flag is set, whatever its name.
package main

import (
	"flag"
	"net"
	"net/http"
	"os"
)

var (
	host  = flag.String("host", "127.0.0.1", "listen host")
	port  = flag.String("port", "8080", "listen port")
	hostF = flag.Lookup("host")
)

func main() {
	flag.Parse()
	if v := os.Getenv("HOST"); v != "" {
		hostF.Value.Set(v)
	}
	http.ListenAndServe(net.JoinHostPort(*host, *port), http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
