// Command dialer is a main package: no caller outside it chooses the
// bounded form.
package main

import (
	"context"
	"net/http"
)

// Fetch gets url.
func Fetch(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

// FetchContext gets url with ctx.
func FetchContext(ctx context.Context, url string) {}

func main() { Fetch("https://example.com/") }
