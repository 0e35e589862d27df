package intests

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRemote(t *testing.T) {
	resp, err := http.Get("https://example.com/") // want `http.Get sends a request with no context`
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}

func TestLocal(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
	resp, err := http.Get(ts.URL) // no diagnostic: the test's own server
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = ts.Client().Get(ts.URL + "/x") // no diagnostic: the test server's client
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
