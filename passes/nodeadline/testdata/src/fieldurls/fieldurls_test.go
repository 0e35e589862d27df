package fieldurls

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestStatus(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	a := &agent{config: &config{statusURL: srv.URL}} // a test's server: not what the program sends to
	if err := a.status(); err != nil {
		t.Log(err)
	}
}
