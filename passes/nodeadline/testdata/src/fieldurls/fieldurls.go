// Package fieldurls sends requests to URLs kept in fields of config
// structs: a loopback URL that only the package's literals set (not
// reported: the peer is a process of the same machine), beside fields a
// caller, another package or a flag can set, and the cloud platform's
// metadata service, whose response can fail to arrive (reported).
package fieldurls

import (
	"net/http"
)

const (
	statusURL = "http://127.0.0.1:9090/status"
	readyURL  = "http://localhost:9090/ready"
	imdsURL   = "http://169.254.169.254/latest/api/token"
)

// config's URLs are set only by newConfig's literal; a test points them
// at a test server (fieldurls_test.go), which the program never does.
type config struct {
	statusURL string
	readyURL  string
}

func newConfig() *config {
	return &config{statusURL: statusURL, readyURL: readyURL}
}

type agent struct {
	config *config
}

func (a *agent) status() error {
	req, err := http.NewRequest("GET", a.config.statusURL, http.NoBody)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the field holds only a loopback URL
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *agent) ready() error {
	c := a.config
	resp, err := http.Get(c.readyURL) // no diagnostic: the field holds only a loopback URL
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var defaults = config{statusURL: statusURL}

func fromValue() error {
	cfg := defaults
	resp, err := http.Get(cfg.statusURL) // no diagnostic: a struct value whose field only the literal sets
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- look-alikes: the peer can be any machine, or can hang

// Options is exported: another package can set its URL to anything.
type Options struct {
	URL string
}

var _ = Options{URL: statusURL}

func exportedField(o *Options) error {
	resp, err := http.Get(o.URL) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// endpoint is set from a parameter too: a caller chooses the host.
type endpoint struct {
	url string
}

func newEndpoint(url string) *endpoint {
	if url == "" {
		return &endpoint{url: statusURL}
	}
	return &endpoint{url: url}
}

func (e *endpoint) fetch() error {
	resp, err := http.Get(e.url) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// flagged's URL has its address taken: a flag or a decoder can set it.
type flagged struct {
	url string
}

func bind(f *flagged, set func(*string)) error {
	f.url = statusURL
	set(&f.url)
	resp, err := http.Get(f.url) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The instance metadata service is no process of this machine: behind an
// IMDS hop limit of 1 (a container), its response never arrives.
type imds struct {
	tokenURL string
}

var metadata = imds{tokenURL: imdsURL}

func token() error {
	req, err := http.NewRequest(http.MethodPut, metadata.tokenURL, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func awsLiteral() error {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
