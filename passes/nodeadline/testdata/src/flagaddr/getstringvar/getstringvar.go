// Command getstringvar reads its address with pflag's GetString after
// storing into the variable fs.StringVar binds.
package main

import (
	"net/http"
	"os"

	"github.com/spf13/pflag"
)

var opts struct{ addr string }

func main() {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.StringVar(&opts.addr, "addr", "localhost:8080", "listen address")
	fs.Parse(os.Args[1:])
	if v := os.Getenv("SERVE_ADDR"); v != "" {
		opts.addr = v
	}
	addr, _ := fs.GetString("addr")
	http.ListenAndServe(addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
