package store

import (
	"net/http"
	"testing"
)

// Fetch is a test helper: tests call it with their *testing.T.
func Fetch(t testing.TB, u string) *http.Response {
	t.Helper()
	resp, err := http.Get(u) // no diagnostic: developer-code
	if err != nil {
		t.Fatal(err)
	}
	return resp
}
