// Package fiximports checks that fixes add the imports they need, in the
// right place, and give up when the name they need means something else.
package fiximports

import "net/http"

func single(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}
