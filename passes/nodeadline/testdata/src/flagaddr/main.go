// Command flagaddr listens on addresses from command-line flags: a flag
// whose default is a loopback address listens on loopback unless the
// operator says otherwise, and is judged as a loopback literal. A
// default on every interface is reported.
package main

import (
	"flag"
	"net/http"
	"os"

	"github.com/spf13/pflag"
)

var (
	listen  = flag.String("listen", "localhost:8080", "the address to listen on")
	public  = flag.String("public", ":8080", "the public address")
	anyAddr = flag.String("any", "0.0.0.0:80", "every interface")
	admin   string
	metrics string
	moved   string
)

func init() {
	flag.StringVar(&admin, "admin", "127.0.0.1:9000", "the admin address")
	pflag.StringVarP(&metrics, "metrics", "m", "[::1]:9100", "the metrics address")
	flag.StringVar(&moved, "moved", "localhost:7000", "an address")
}

func main() {
	flag.Parse()
	h := http.NotFoundHandler()
	go http.ListenAndServe(*listen, h) // no diagnostic: the flag's default is loopback
	go func() {
		srv := &http.Server{Addr: admin, Handler: h}
		srv.ListenAndServe() // no diagnostic: StringVar with a loopback default
	}()
	go http.ListenAndServe(metrics, h) // no diagnostic: pflag's StringVarP with a loopback default
	local := pflag.String("local", "localhost:0", "a local address")
	go http.ListenAndServe(*local, h) // no diagnostic: a local flag with a loopback default
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	var peer string
	fs.StringVar(&peer, "peer", "127.0.0.1:7946", "the peer address")
	fs.Parse(os.Args[1:])
	go http.ListenAndServe(peer, h) // no diagnostic: a FlagSet's StringVar with a loopback default

	// Defaults on every interface, or a variable set elsewhere too: reported.
	go http.ListenAndServe(*public, h)  // want `http.ListenAndServe starts a server that cannot have timeouts`
	go http.ListenAndServe(*anyAddr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
	if env := os.Getenv("ADDR"); env != "" {
		moved = env
	}
	http.ListenAndServe(moved, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
