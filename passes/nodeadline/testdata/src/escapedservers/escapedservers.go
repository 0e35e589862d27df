// Package escapedservers holds servers and listeners made on loopback
// that other code may move to another address before they serve: they
// are reported, as servers whose address nothing shows.
package escapedservers

import (
	"net"
	"net/http"
	"os"
	"time"
)

// public moves the listener to every interface when asked.
func public(p *net.Listener) {
	if os.Getenv("PUBLIC") != "" {
		(*p).Close()
		*p, _ = net.Listen("tcp", ":8080")
	}
}

// addrTaken hands the listener variable's address to a call.
func addrTaken() error {
	ln, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		return err
	}
	public(&ln)
	return http.Serve(ln, http.NotFoundHandler()) // want `http.Serve starts a server that cannot have timeouts`
}

// reopened sets the listener variable in a closure.
func reopened() error {
	var ln net.Listener
	var err error
	ln, err = net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		return err
	}
	reopen := func(a string) {
		ln.Close()
		ln, err = net.Listen("tcp", a)
	}
	if a := os.Getenv("LISTEN"); a != "" {
		reopen(a)
	}
	return http.Serve(ln, http.NotFoundHandler()) // want `http.Serve starts a server that cannot have timeouts`
}

// closureAddr sets the server's Addr in a closure.
func closureAddr() error {
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	override := func(a string) { srv.Addr = a }
	if v := os.Getenv("LISTEN"); v != "" {
		override(v)
	}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

type app struct{ srv *http.Server }

func (a *app) applyEnv() {
	if v := os.Getenv("LISTEN"); v != "" {
		a.srv.Addr = v
	}
}

// inStruct keeps the server in a struct whose method sets its Addr.
func inStruct() error {
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	a := &app{srv: srv}
	a.applyEnv()
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

var current *http.Server

func applyEnv() {
	if v := os.Getenv("LISTEN"); v != "" {
		current.Addr = v
	}
}

// inGlobal keeps the server in a variable of the package.
func inGlobal() error {
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	current = srv
	applyEnv()
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

// inGoroutine starts the server in a goroutine that only calls its
// methods: no diagnostic, the server stays on loopback.
func inGoroutine() {
	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: http.NotFoundHandler()}
	go func() {
		srv.ListenAndServe() // no diagnostic: the goroutine only calls the server's methods
	}()
	time.Sleep(time.Second)
	srv.Close()
}

// readInClosure reads the listener variable in a closure: no
// diagnostic.
func readInClosure() error {
	ln, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		return err
	}
	stop := func() { ln.Close() }
	defer stop()
	return http.Serve(ln, http.NotFoundHandler()) // no diagnostic: the closure only reads the listener
}
