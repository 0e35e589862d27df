package a

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"time"
)

// Options are the settings of Service.
type Options struct {
	Client  *http.Client
	Timeout time.Duration
}

// Service takes its client from its options, or makes one with the
// configured timeout.
type Service struct{ hc *http.Client }

func NewService(o Options) *Service {
	hc := o.Client
	if hc == nil {
		hc = &http.Client{Timeout: o.Timeout}
	}
	return &Service{hc: hc}
}

func (s *Service) Fetch(url string) (*http.Response, error) {
	return s.hc.Get(url) // no diagnostic: the client comes from the options, or has the configured Timeout
}

func conditionalTimeout(url string, d time.Duration) (*http.Response, error) {
	c := &http.Client{}
	if d > 0 {
		c.Timeout = d
	}
	return c.Get(url) // no diagnostic: a Timeout set on one path is a configuration choice
}

func testRequest() (*http.Response, error) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	return (&http.Client{}).Do(req) // no diagnostic: a request built for a handler test
}

func clonedWithDeadline(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), time.Second)
	defer cancel()
	return http.DefaultClient.Do(req.Clone(ctx)) // no diagnostic: Clone gives the request a deadline
}

type worker struct{ ctx context.Context }

func (w *worker) fetch(url string) error {
	req, err := http.NewRequestWithContext(w.ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a context kept in a field, the pass cannot judge it
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func makeCtx() context.Context { return context.Background() }

func fromHelper(url string) error {
	req, err := http.NewRequestWithContext(makeCtx(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: contexts returned by functions are not followed
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func handlerLiteral() func(context.Context, string) error {
	return func(ctx context.Context, url string) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req) // no diagnostic: the literal's caller decides the context
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func dialDeadline(addr string, until time.Time) (net.Conn, error) {
	d := &net.Dialer{Deadline: until}
	return d.DialContext(context.Background(), "tcp", addr) // no diagnostic: the dialer has a Deadline
}

var timedServer = http.Server{Addr: ":8081", ReadTimeout: time.Minute}

func startTimedServer() error {
	return timedServer.ListenAndServe() // no diagnostic: the variable's server has a ReadTimeout
}

var plainServer http.Server

func startPlainServer() error {
	plainServer.Addr = ":8082"
	return plainServer.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts plainServer, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

func eitherServer(fast bool) error {
	srv := &http.Server{Addr: ":8083"}
	if fast {
		srv = &http.Server{Addr: ":8083", ReadHeaderTimeout: time.Second}
	}
	return srv.ListenAndServe() // no diagnostic: one of the servers has a ReadHeaderTimeout
}

func configServer(cfg struct{ Header time.Duration }) error {
	srv := &http.Server{ReadHeaderTimeout: cfg.Header}
	return srv.ListenAndServe() // no diagnostic: a configured ReadHeaderTimeout
}

func resolve(host string) ([]string, error) {
	return net.DefaultResolver.LookupHost(context.Background(), host) // no diagnostic: the resolver bounds DNS queries
}

func listenConfig(addr string) (net.Listener, error) {
	var lc net.ListenConfig
	return lc.Listen(context.Background(), "tcp", addr) // no diagnostic: listening waits for no peer
}

func transportRoundTrip(req *http.Request) (*http.Response, error) {
	return http.DefaultTransport.RoundTrip(req) // no diagnostic: RoundTrip is the transport's own business
}

func storedInMap(url string, clients map[string]*http.Client) (*http.Response, error) {
	clients["x"] = &http.Client{}
	return clients["x"].Get(url) // no diagnostic: values kept in maps are not followed
}
