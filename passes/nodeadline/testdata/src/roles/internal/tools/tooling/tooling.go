// Package tooling is a library of developer tools (internal/tools).
package tooling

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}
