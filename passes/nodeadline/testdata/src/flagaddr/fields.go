package main

import (
	"flag"
	"net"
	"net/http"
)

// The arguments of a subcommand, kept in the fields of an unexported
// struct variable and bound by a FlagSet.
var webArgs struct {
	listen string
	tls    bool
}

var serveArgs struct {
	listen string
}

var movedArgs struct {
	listen string
}

// Args is exported: another package may set its fields.
var Args struct {
	Listen string
}

func webFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("web", flag.ExitOnError)
	fs.StringVar(&webArgs.listen, "listen", "localhost:8088", "the address of the web UI")
	fs.BoolVar(&webArgs.tls, "tls", false, "serve TLS")
	fs.StringVar(&serveArgs.listen, "serve", ":8080", "the address to serve on")
	fs.StringVar(&movedArgs.listen, "moved", "127.0.0.1:7000", "an address")
	fs.StringVar(&Args.Listen, "exported", "127.0.0.1:7001", "an address")
	return fs
}

func runWeb(h http.Handler, certFile, keyFile string) error {
	if webArgs.tls {
		srv := &http.Server{Addr: webArgs.listen, Handler: h}
		return srv.ListenAndServeTLS(certFile, keyFile) // no diagnostic: a struct field bound by a flag with a loopback default
	}
	return http.ListenAndServe(webArgs.listen, h) // no diagnostic: a struct field bound by a flag with a loopback default
}

func runServe(h http.Handler) error {
	return http.ListenAndServe(serveArgs.listen, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func runMoved(h http.Handler, public string) error {
	if public != "" {
		movedArgs.listen = public
	}
	return http.ListenAndServe(movedArgs.listen, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func runExported(h http.Handler) error {
	return http.ListenAndServe(Args.Listen, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

var statusArgs struct {
	listen string
}

var peerArgs struct {
	listen string
}

func statusFlags(fs *flag.FlagSet) {
	fs.StringVar(&statusArgs.listen, "listen", "127.0.0.1:8384", "the address of the status page")
	fs.StringVar(&peerArgs.listen, "peer", "", "the address peers reach")
}

func serveStatus(h http.Handler) error {
	ln, err := net.Listen("tcp", statusArgs.listen)
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // no diagnostic: a listener on a flag whose default is loopback
}

func servePeers(h http.Handler) error {
	ln, err := net.Listen("tcp", peerArgs.listen)
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve starts a server that cannot have timeouts`
}
