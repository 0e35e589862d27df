// Package contextform is a library that offers, beside a function or
// method F, its bounded form FContext taking a context first, the
// convention of net.Dial and DialContext: a caller that needs a bound
// calls FContext, and what the convenience form F does is not reported.
package contextform

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
)

// Manager dials with its current TLS configuration.
type Manager struct{ conf *tls.Config }

// Dial dials addr with the current configuration.
func (m *Manager) Dial(network, addr string) (net.Conn, error) {
	return tls.Dial(network, addr, m.conf) // no diagnostic: (*Manager).DialContext is the bounded form
}

// DialContext dials addr with the current configuration, honoring ctx.
func (m *Manager) DialContext(ctx context.Context, network, addr string) (net.Conn, error) { // want DialContext:"sends a network request with the context from parameter 1"
	d := &tls.Dialer{Config: m.conf}
	return d.DialContext(ctx, network, addr)
}

// Fetch gets url.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url) // no diagnostic: FetchContext is the bounded form
}

// FetchContext gets url with ctx.
func FetchContext(ctx context.Context, url string) (*http.Response, error) { // want FetchContext:"sends a network request with the context from parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Get gets url; nothing offers a bounded form.
func Get(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

// Lookup gets url; LookupContext takes no context first, so it is no
// bounded form.
func Lookup(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

// LookupContext is a look-alike that takes no context.
func LookupContext(url string, timeout int) {}

// sync is unexported: no caller outside the package chooses between
// the two forms.
func sync(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

func syncContext(ctx context.Context, url string) {}

var _, _ = sync, syncContext
