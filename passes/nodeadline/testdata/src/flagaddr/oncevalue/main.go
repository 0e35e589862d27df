// Command oncevalue wraps each flag's Value to refuse a flag given
// twice (tailscale's CLI does): the wrapper's Set passes the command
// line on to the Value it wraps, which is the operator setting the
// flag, not the program.
package main

import (
	"errors"
	"flag"
	"net/http"
	"os"
)

type onceFlagValue struct {
	flag.Value
	set bool
}

func (v *onceFlagValue) Set(s string) error {
	if v.set {
		return errors.New("flag provided multiple times")
	}
	v.set = true
	return v.Value.Set(s)
}

func main() {
	fs := flag.NewFlagSet("web", flag.ExitOnError)
	listen := fs.String("listen", "localhost:8088", "listen address")
	fs.VisitAll(func(f *flag.Flag) { f.Value = &onceFlagValue{Value: f.Value} })
	fs.Parse(os.Args[1:])
	http.ListenAndServe(*listen, http.NotFoundHandler()) // no diagnostic: the flag's default is loopback, set only from the command line
}
