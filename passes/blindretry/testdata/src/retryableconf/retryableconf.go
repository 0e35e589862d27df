// Package retryableconf gives its go-retryablehttp client a retry policy
// of its own, so the library's default does not apply.
package retryableconf

import (
	"context"
	"net/http"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

func newClient() *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		return false, nil
	}
	return c
}

func post(body string) error {
	_, err := newClient().Post("https://example.com", "text/plain", strings.NewReader(body)) // no diagnostic: the package sets CheckRetry
	return err
}
