// Package testutil is a test utility by its name.
package testutil

import "net/http"

// Fetch fetches a fixture.
func Fetch(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}
