// Package netutil holds helpers that other packages call: nodeadline
// learns through facts which of their network calls the callers bound.
package netutil

import (
	"context"
	"io"
	"net"
	"net/http"
	"time"
)

// Fetch sends with its caller's context and nothing else: callers decide.
func Fetch(ctx context.Context, url string) ([]byte, error) { // want Fetch:"sends a network request with the context from parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the caller's context may have a deadline
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// FetchBounded bounds the request itself: callers need not.
func FetchBounded(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	return Fetch(ctx, url) // no diagnostic: a deadline derived from the caller's context
}

// Client's methods pass their context on through a wrapper.
type Client struct {
	base string
}

func (c *Client) Get(ctx context.Context, path string) ([]byte, error) { // want Get:"sends a network request with the context from parameter 1"
	return Fetch(ctx, c.base+path) // no diagnostic: passes its caller's context on
}

// Send sends the caller's request through a client with no Timeout.
func Send(req *http.Request) (*http.Response, error) { // want Send:"sends the request from parameter 0 through a client with no Timeout"
	return http.DefaultClient.Do(req) // no diagnostic: the caller builds the request
}

// NewClient returns a client with no Timeout.
func NewClient() *http.Client { // want NewClient:"returns \\*http.Client with no time limit \\(result 0\\)"
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 10}}
}

// NewTimedClient returns a client with a Timeout.
func NewTimedClient() *http.Client {
	return &http.Client{Timeout: time.Minute}
}

// NewRequest builds a request with no context.
func NewRequest(method, url string) (*http.Request, error) { // want NewRequest:"returns a request with no context \\(result 0\\)"
	return http.NewRequest(method, url, nil)
}

// NewRequestCtx builds a request with its caller's context.
func NewRequestCtx(ctx context.Context, url string) (*http.Request, error) { // want NewRequestCtx:"returns a request with the context from parameter 0 \\(result 0\\)"
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// Connect dials with its caller's context.
func Connect(ctx context.Context, addr string) (net.Conn, error) { // want Connect:"connects with the context from parameter 0"
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr) // no diagnostic: the caller's context may have a deadline
}

// NewServer returns a server with no timeouts.
func NewServer(h http.Handler) *http.Server { // want NewServer:"returns \\*http.Server with no time limit \\(result 0\\)"
	return &http.Server{Addr: ":8080", Handler: h} // no diagnostic: made, not started
}

// HTTPClient is http.Client under another name.
type HTTPClient = http.Client
