package metadataurls

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestToken(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	p := &provisioner{config: &config{tokenURL: srv.URL}} // a test's server: not what the program sends to
	if err := p.identityToken(); err != nil {
		t.Log(err)
	}
}
