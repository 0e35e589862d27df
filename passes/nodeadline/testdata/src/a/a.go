// Package a holds HTTP client cases: requests sent with no client Timeout
// and no context deadline, and their bounded twins.
package a

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// ---- http.Get and friends: http.DefaultClient, no context

func get(url string) error {
	resp, err := http.Get(url) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout; a server that stops responding blocks it forever \(give the client a Timeout, or send a request whose context has a deadline\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func head(url string) (*http.Response, error) {
	return http.Head(url) // want `http.Head sends a request with no context through http.DefaultClient`
}

func post(url string, body io.Reader) (*http.Response, error) {
	return http.Post(url, "text/plain", body) // want `http.Post sends a request`
}

// ---- clients made here

func literalClient(url string) (*http.Response, error) {
	c := &http.Client{Transport: http.DefaultTransport}
	return c.Get(url) // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
}

func literalClientDo(url string) (*http.Response, error) {
	c := &http.Client{}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through c, which has no Timeout`
}

func zeroTimeout(url string) (*http.Response, error) {
	c := &http.Client{Timeout: 0}
	return c.Get(url) // want `c, which has no Timeout`
}

func valueClient(url string) (*http.Response, error) {
	var c http.Client
	return c.Get(url) // want `c, which has no Timeout`
}

func newClient(url string) (*http.Response, error) {
	c := new(http.Client)
	return c.Head(url) // want `\(\*http.Client\).Head sends a request with no context through c`
}

func defaultClientDo(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `sends req, which has no context, through http.DefaultClient, which has no Timeout`
}

// A client with a cloned default transport still has no limit.
func clonedTransport(url string) (*http.Response, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 10
	c := &http.Client{Transport: t}
	return c.Get(url) // want `c, which has no Timeout`
}

// ---- the same client through several phis
func eitherClient(url string, fast bool) (*http.Response, error) {
	var c *http.Client
	if fast {
		c = &http.Client{}
	} else {
		c = http.DefaultClient
	}
	return c.Get(url) // want `c, which has no Timeout`
}

// ---- clients with a limit

func withTimeout(url string) (*http.Response, error) {
	c := &http.Client{Timeout: 10 * time.Second}
	return c.Get(url) // no diagnostic: the client has a Timeout
}

func timeoutSetLater(url string) (*http.Response, error) {
	c := &http.Client{}
	c.Timeout = 5 * time.Second
	return c.Get(url) // no diagnostic: Timeout assigned after the literal
}

func timeoutFromConfig(url string, d time.Duration) (*http.Response, error) {
	c := &http.Client{Timeout: d}
	return c.Get(url) // no diagnostic: a Timeout from configuration counts
}

func timeoutFromFlag(url string) (*http.Response, error) {
	c := &http.Client{}
	flag.DurationVar(&c.Timeout, "timeout", 0, "request timeout")
	flag.Parse()
	return c.Get(url) // no diagnostic: a flag sets the Timeout
}

func headerTimeout(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: time.Minute}}
	return c.Get(url) // no diagnostic: the transport bounds the wait for the response
}

type logTransport struct{ next http.RoundTripper }

func (t logTransport) RoundTrip(r *http.Request) (*http.Response, error) { return t.next.RoundTrip(r) }

func customTransport(url string) (*http.Response, error) {
	c := &http.Client{Transport: logTransport{http.DefaultTransport}}
	return c.Get(url) // no diagnostic: a RoundTripper of its own may bound requests
}

func configure(c *http.Client) { c.Timeout = time.Second }

func configuredElsewhere(url string) (*http.Response, error) {
	c := &http.Client{}
	configure(c)
	return c.Get(url) // no diagnostic: the client is handed to code that may set a Timeout
}

func clientParam(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url) // no diagnostic: the caller's client may have a Timeout
}

// ---- requests with a deadline

func deadlineRequest(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the context has a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withContextDeadline(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Minute))
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx)) // no diagnostic: WithContext gives the request a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func requestParam(req *http.Request) (*http.Response, error) {
	return (&http.Client{}).Do(req) // no diagnostic: the caller builds the request (and gets a fact)
}

func serverRequest(w http.ResponseWriter, r *http.Request) {
	out, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://backend/", nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(out) // no diagnostic: the incoming request's context ends when its client goes away
	if err == nil {
		resp.Body.Close()
	}
}

// ---- httptest

func testServer() error {
	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/x") // no diagnostic: a test server the code started itself
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = ts.Client().Get(ts.URL) // no diagnostic: the test server's own client
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- the package sets http.DefaultClient's Timeout elsewhere? See package b.

func methodValue(url string) (*http.Response, error) {
	get := http.DefaultClient.Get
	return get(url) // no diagnostic: calls through method values are not followed
}
