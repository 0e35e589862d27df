// Package abtest (pkg/ab-test) is ordinary: a library is named for what
// it does, and A/B tests are a production feature; only a library's
// whole element or a directory above it is read for test words.
package abtest

import "net/http"

func Assign(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
