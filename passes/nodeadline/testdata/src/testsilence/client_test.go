package testsilence

import (
	"net/http"
	"testing"
	"time"
)

// Test code configures the production clients; that bounds no request of
// the production code, which runs without it.

type fake struct{}

func (fake) RoundTrip(*http.Request) (*http.Response, error) { return nil, http.ErrNotSupported }

func init() {
	http.DefaultClient.Transport = fake{}
	api.Timeout = time.Second
}

var _ = func() bool {
	http.DefaultClient.Timeout = time.Second
	return true
}()

func newTestService() *service {
	s := newService()
	s.hc.Timeout = time.Second
	return s
}

func TestGet(t *testing.T) {
	// With -nodeadline.tests, test code sees what test code sets: no
	// diagnostic here.
	if _, err := http.Get("https://example.com/"); err == nil {
		t.Log("sent")
	}
	if _, err := api.Get("https://example.com/"); err == nil {
		t.Log("sent")
	}
	_ = newTestService()
}
