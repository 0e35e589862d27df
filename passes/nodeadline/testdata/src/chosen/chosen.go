// Package chosen holds clients chosen where a value is constructed, or
// passed down to helpers whose callers are all known, and sends through
// transports.
package chosen

import (
	"context"
	"net/http"
	"time"
)

// ---- a client chosen in a constructor: each constructor on its own

// Service keeps the client its constructor chose.
type Service struct {
	base string
	hc   *http.Client
}

func New(base string) *Service {
	return &Service{base: base, hc: http.DefaultClient}
}

func NewWithClient(base string, hc *http.Client) *Service {
	return &Service{base: base, hc: hc}
}

func (s *Service) Get(path string) (*http.Response, error) {
	return s.hc.Get(s.base + path) // want `\(\*http.Client\).Get sends a request with no context through s.hc, which has no Timeout; a server that stops responding blocks it forever`
}

// Bounded's default client has a Timeout: the caller's client is the
// caller's choice.
type Bounded struct{ hc *http.Client }

func NewBounded() *Bounded { return &Bounded{hc: &http.Client{Timeout: time.Minute}} }

func NewBoundedWithClient(hc *http.Client) *Bounded { return &Bounded{hc: hc} }

func (b *Bounded) Get(url string) (*http.Response, error) {
	return b.hc.Get(url) // no diagnostic: every client a constructor chooses has a Timeout
}

// Fallback uses the default client only when the caller passes nil: the
// caller chooses.
type Fallback struct{ hc *http.Client }

func NewFallback(hc *http.Client) *Fallback {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Fallback{hc: hc}
}

func (f *Fallback) Get(url string) (*http.Response, error) {
	return f.hc.Get(url) // no diagnostic: the caller decides, by passing nil or a client
}

// Configured's default client is given a Timeout by a method.
type Configured struct{ hc *http.Client }

func NewConfigured() *Configured { return &Configured{hc: &http.Client{}} }

func NewConfiguredWith(hc *http.Client) *Configured { return &Configured{hc: hc} }

func (c *Configured) SetTimeout(d time.Duration) { c.hc.Timeout = d }

func (c *Configured) Get(url string) (*http.Response, error) {
	return c.hc.Get(url) // no diagnostic: SetTimeout may give the chosen client a Timeout
}

// ---- a client passed to an unexported function whose callers are known

func fetch(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func useFetch() error {
	if err := fetch(http.DefaultClient, "https://example.com/a"); err != nil {
		return err
	}
	return fetch(&http.Client{}, "https://example.com/b")
}

func fetchBounded(c *http.Client, url string) error {
	resp, err := c.Get(url) // no diagnostic: one caller passes a client with a Timeout
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func useFetchBounded() error {
	if err := fetchBounded(http.DefaultClient, "https://example.com/a"); err != nil {
		return err
	}
	return fetchBounded(&http.Client{Timeout: time.Second}, "https://example.com/b")
}

func fetchValue(c *http.Client, url string) error {
	resp, err := c.Get(url) // no diagnostic: the function is also used as a value, its callers are not all known
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var fetchers = []func(*http.Client, string) error{fetchValue}

func useFetchValue() error { return fetchValue(http.DefaultClient, "https://example.com") }

// Fetch is exported: other packages call it with clients of their own.
func Fetch(c *http.Client, url string) error {
	resp, err := c.Get(url) // no diagnostic: an exported function, its callers are not all known
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func useFetchExported() error { return Fetch(http.DefaultClient, "https://example.com") }

// ---- sends through a transport

func roundTrip(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultTransport.RoundTrip(req) // want `\(http.RoundTripper\).RoundTrip sends req, which has no context, through http.DefaultTransport, which has no ResponseHeaderTimeout`
}

func roundTripBackground(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{}
	return tr.RoundTrip(req) // want `\(\*http.Transport\).RoundTrip sends req with context.Background\(\), which never ends, through tr, which has no ResponseHeaderTimeout`
}

func newTransport() http.RoundTripper {
	return &http.Transport{MaxIdleConns: 2}
}

func roundTripHelper(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	t := newTransport()
	return t.RoundTrip(req) // want `\(http.RoundTripper\).RoundTrip sends req, which has no context, through t, which has no ResponseHeaderTimeout`
}

func roundTripDeadline(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultTransport.RoundTrip(req) // no diagnostic: the context has a deadline
}

func roundTripHeaderTimeout(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{ResponseHeaderTimeout: 10 * time.Second}
	return tr.RoundTrip(req) // no diagnostic: the transport bounds the wait for the answer
}

// A middleware sends its caller's request: the caller's context decides.
type logging struct{ next http.RoundTripper }

func (l *logging) RoundTrip(req *http.Request) (*http.Response, error) {
	return http.DefaultTransport.RoundTrip(req) // no diagnostic: the caller's request, the caller's context
}

// ---- functional options: the default is New's choice

type Option func(*Optioned)

func WithHTTPClient(hc *http.Client) Option {
	return func(o *Optioned) { o.hc = hc }
}

type Optioned struct{ hc *http.Client }

func NewOptioned(opts ...Option) *Optioned {
	o := &Optioned{hc: &http.Client{}}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

func (o *Optioned) Get(url string) (*http.Response, error) {
	return o.hc.Get(url) // want `\(\*http.Client\).Get sends a request with no context through o.hc, which has no Timeout`
}
