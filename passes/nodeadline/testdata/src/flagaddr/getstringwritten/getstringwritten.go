// Command getstringwritten reads its address with pflag's GetString,
// which returns what the flag holds now, after the program stored a
// public address through the pointer fs.String returned.
package main

import (
	"net/http"
	"os"

	"github.com/spf13/pflag"
)

func main() {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	listen := fs.String("addr", "localhost:8080", "listen address")
	fs.Parse(os.Args[1:])
	if port := os.Getenv("PORT"); port != "" {
		*listen = ":" + port
	}
	addr, _ := fs.GetString("addr")
	http.ListenAndServe(addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
