// Package lib is a library under tools/ that is not a main package nor
// under internal/tools: ordinary code (a module named .../tools holds
// real libraries), reported by default.
package lib

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context`
}
