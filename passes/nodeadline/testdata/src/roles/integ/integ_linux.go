//go:build linux && !integration

package integ

import "net/http"

func pingLinux(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
