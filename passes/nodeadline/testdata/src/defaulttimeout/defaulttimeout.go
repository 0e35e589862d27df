// Package defaulttimeout gives http.DefaultClient a Timeout: its requests
// through the default client are bounded.
package defaulttimeout

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 20 * time.Second
}

func get(url string) (*http.Response, error) {
	return http.Get(url) // no diagnostic: init sets http.DefaultClient's Timeout
}

func do(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // no diagnostic: init sets http.DefaultClient's Timeout
}
