// Package client uses net/http as a client only: it registers nothing.
package client

import (
	"net/http"
	"time"
)

// Fetch gets url.
func Fetch(url string) (*http.Response, error) {
	c := &http.Client{Timeout: time.Second}
	return c.Get(url)
}
