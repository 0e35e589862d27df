// Package timeoutflag checks that fixes write the -nodeadline.timeout
// value (1m30s in the test).
package timeoutflag

import (
	"context"
	"net/http"
)

func get(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

func background(url string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `with context.Background\(\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
