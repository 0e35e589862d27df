// Package latest is ordinary: its name ends in "test", but it imports no
// package named "la" it would be the test helper of.
package latest

import "net/http"

func Check(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
