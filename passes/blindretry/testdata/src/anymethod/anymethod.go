// Package anymethod holds retries of requests whose method comes from
// the caller: retry middleware and client libraries that resend every
// method, POST included.
package anymethod

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

// ---- retry middleware

// Retry is an http.RoundTripper that resends every request.
type Retry struct {
	Base    http.RoundTripper
	Retries int
}

func (t *Retry) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= t.Retries; i++ {
		resp, err = t.Base.RoundTrip(req) // want `\(http.RoundTripper\).RoundTrip sends the caller's request, whatever its method, again after an error; a POST or PATCH whose failed attempt reached the server can take effect twice \(retry only idempotent methods \(GET, HEAD, PUT, DELETE, OPTIONS\) or requests that carry an idempotency key\)`
		if !retryable(resp, err) {
			return resp, err
		}
		time.Sleep(backoff(i))
	}
	return resp, err
}

func retryable(resp *http.Response, err error) bool {
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	return resp != nil && resp.StatusCode >= 500
}

func backoff(i int) time.Duration { return time.Duration(i) * 100 * time.Millisecond }

// SafeRetry resends only idempotent methods.
type SafeRetry struct {
	Base    http.RoundTripper
	Retries int
}

func (t *SafeRetry) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= t.Retries; i++ {
		resp, err = t.Base.RoundTrip(req) // no diagnostic: only idempotent methods are retried
		if !retryable(resp, err) || !idempotent(req.Method) {
			return resp, err
		}
		time.Sleep(backoff(i))
	}
	return resp, err
}

func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// KeyRetry resends requests that carry an idempotency key.
type KeyRetry struct{ Base http.RoundTripper }

func (t *KeyRetry) RoundTrip(req *http.Request) (*http.Response, error) {
	for i := 0; ; i++ {
		resp, err := t.Base.RoundTrip(req) // no diagnostic: only requests with a key are retried
		if err == nil || i == 3 || req.Header.Get("Idempotency-Key") == "" {
			return resp, err
		}
	}
}

// Poller resends whether or not the last call succeeded: periodic work.
type Poller struct{ Base http.RoundTripper }

func (p *Poller) RoundTrip(req *http.Request) (*http.Response, error) {
	var last *http.Response
	for i := 0; i < 3; i++ {
		resp, err := p.Base.RoundTrip(req) // no diagnostic: success loops too, this is not a retry
		if err != nil {
			continue
		}
		last = resp
	}
	return last, nil
}

// ---- a client library's retry loop

// Request is the library's request: its method is the caller's.
type Request struct {
	Method string
	URL    string
	Body   []byte
}

type Client struct {
	hc      *http.Client
	retries int
}

func (c *Client) Do(r *Request) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		req, err := http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // want `\(\*http.Client\).Do sends a request whose method comes from the caller again after an error; a POST or PATCH whose failed attempt reached the server can take effect twice`
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			err = errors.New(resp.Status)
		}
		lastErr = err
		time.Sleep(time.Second)
	}
	return nil, lastErr
}

func (c *Client) DoSafe(r *Request) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		req, err := http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // no diagnostic: the loop stops for non-idempotent methods
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if !r.isIdempotent() {
			return resp, err
		}
		lastErr = err
		time.Sleep(time.Second)
	}
	return nil, lastErr
}

func (r *Request) isIdempotent() bool { return idempotent(r.Method) }

func (c *Client) Send(method, url string, body []byte) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequest(method, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // want `\(\*http.Client\).Do sends a request whose method comes from the caller again after an error`
		if err == nil || attempt == 3 {
			return resp, err
		}
	}
}

func (c *Client) SendGet(url string) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // no diagnostic: a GET
		if err == nil || attempt == 3 {
			return resp, err
		}
	}
}
