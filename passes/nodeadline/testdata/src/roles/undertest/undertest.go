// Package undertest is ordinary: it imports testing only to ask whether
// it runs under a test, which production code does.
package undertest

import (
	"net/http"
	"testing"
)

func Fetch(u string) (*http.Response, error) {
	if testing.Testing() {
		return nil, nil
	}
	return http.Get(u) // want `http.Get sends a request with no context`
}
