// Package metadataurls asks the cloud platform's instance metadata
// service for tokens, through literals and through fields that only such
// literals set (not reported: the peer is the machine's hypervisor, which
// no stranger can stand in for or stall), beside look-alikes whose peer
// can be any machine (reported).
package metadataurls

import (
	"net/http"
)

const (
	azureTokenURL = "http://169.254.169.254/metadata/identity/oauth2/token"
	gcpTokenURL   = "http://metadata/computeMetadata/v1/instance/service-accounts/default/identity"
)

func awsToken() error {
	resp, err := http.Get("http://169.254.169.254/latest/meta-data/") // no diagnostic: the link-local metadata service
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func awsIPv6() error {
	resp, err := http.Get("http://[fd00:ec2::254]/latest/meta-data/") // no diagnostic: AWS's IPv6 metadata endpoint
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func gceName() error {
	req, err := http.NewRequest(http.MethodGet, "http://metadata.google.internal/computeMetadata/v1/project/project-id", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Metadata-Flavor", "Google")
	resp, err := http.DefaultClient.Do(req) // no diagnostic: GCP's metadata server by name
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// config's URLs are set only by newConfig's literal; a test points them
// at a test server (metadataurls_test.go), which the program never does.
type config struct {
	tokenURL string
	gcpURL   string
}

func newConfig() *config {
	return &config{tokenURL: azureTokenURL, gcpURL: gcpTokenURL}
}

type provisioner struct {
	config *config
}

func (p *provisioner) identityToken() error {
	req, err := http.NewRequest("GET", p.config.tokenURL, http.NoBody)
	if err != nil {
		return err
	}
	req.Header.Set("Metadata", "true")
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the field holds only the metadata service's URL
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *provisioner) gcpIdentity() error {
	c := p.config
	resp, err := http.Get(c.gcpURL) // no diagnostic: the field holds only GCP's metadata URL
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var defaults = config{tokenURL: azureTokenURL}

func fromValue() error {
	cfg := defaults
	resp, err := http.Get(cfg.tokenURL) // no diagnostic: a struct value whose field only the literal sets
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- look-alikes: the peer can be any machine

// Options is exported: another package can set its URL to anything.
type Options struct {
	URL string
}

var _ = Options{URL: azureTokenURL}

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
		return &endpoint{url: azureTokenURL}
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
	f.url = azureTokenURL
	set(&f.url)
	resp, err := http.Get(f.url) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func siteLocal() error {
	resp, err := http.Get("http://169.254.169.254.example.com/") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func metadataLookAlike() error {
	resp, err := http.Get("http://metadata.example.com/v1") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
