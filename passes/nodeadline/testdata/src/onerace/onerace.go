// Package onerace holds several calls through one client, dialer or
// server that lacks a limit: one race, reported once at the first call,
// with the others as related locations; the fix sets the limit once.
package onerace

import (
	"net"
	"net/http"
	"strings"
)

// config's client is chosen by its constructor: every send through
// cfg.client is the same missing Timeout.
type config struct {
	base   string
	client *http.Client
}

func newConfig(base string) *config {
	return &config{base: base, client: &http.Client{}}
}

func (cfg *config) list() (*http.Response, error) {
	return cfg.client.Get(cfg.base + "/list") // want `\(\*http.Client\).Get sends a request with no context through cfg.client, which has no Timeout`
}

func (cfg *config) create(body string) (*http.Response, error) {
	return cfg.client.Post(cfg.base+"/create", "text/plain", strings.NewReader(body)) // no diagnostic: the same client as list, related there
}

func (cfg *config) remove(id string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodDelete, cfg.base+"/"+id, nil)
	if err != nil {
		return nil, err
	}
	return cfg.client.Do(req) // no diagnostic: the same client as list, related there
}

func (cfg *config) head() (*http.Response, error) {
	return cfg.client.Head(cfg.base) // no diagnostic: the same client as list, related there
}

// Two clients are two races.
var (
	primary   = &http.Client{}
	secondary = &http.Client{}
)

func fetchBoth(u string) {
	primary.Get(u)   // want `\(\*http.Client\).Get sends a request with no context through primary`
	secondary.Get(u) // want `\(\*http.Client\).Get sends a request with no context through secondary`
	primary.Get(u)   // no diagnostic: the same client as the first line, related there
}

// http.Get's remedy is at each call: each call is its own finding.
func defaults(u string) {
	http.Get(u)  // want `http.Get sends a request with no context through http.DefaultClient`
	http.Head(u) // want `http.Head sends a request with no context through http.DefaultClient`
}

// One server started on three listeners.
func serve(h http.Handler, a, b net.Listener) error {
	srv := &http.Server{Handler: h}
	go srv.Serve(a)             // want `\(\*http.Server\).Serve starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
	go srv.Serve(b)             // no diagnostic: the same server, related at the first Serve
	return srv.ListenAndServe() // no diagnostic: the same server, related at the first Serve
}

// One dialer dialing twice.
func dialTwice(a, b string) {
	d := &net.Dialer{}
	d.Dial("tcp", a) // want `\(\*net.Dialer\).Dial connects with no timeout`
	d.Dial("tcp", b) // no diagnostic: the same dialer, related at the first dial
}
