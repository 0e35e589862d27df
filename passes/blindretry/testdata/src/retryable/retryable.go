// Package retryable sends requests through go-retryablehttp clients,
// which retry every method by default.
package retryable

import (
	"context"
	"net/http"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

const api = "https://pay.example.com/v1/charges"

func packagePost(body string) error {
	_, err := retryablehttp.Post(api, "text/plain", strings.NewReader(body)) // want `retryablehttp.Post sends an HTTP POST request through a go-retryablehttp client, which sends it again after connection errors and 5xx responses; the failed attempt may have reached the server, so the request can take effect twice \(send an Idempotency-Key header created once per operation, or give the client a CheckRetry that does not retry non-idempotent requests\)`
	return err
}

func clientPost(c *retryablehttp.Client, body string) error {
	_, err := c.Post(api, "text/plain", strings.NewReader(body)) // want `\(\*retryablehttp.Client\).Post sends an HTTP POST request through a go-retryablehttp client`
	return err
}

func clientDo(ctx context.Context, body string) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPatch, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	_, err = c.Do(req) // want `\(\*retryablehttp.Client\).Do sends an HTTP PATCH request through a go-retryablehttp client`
	return err
}

func standardClient(body string) error {
	std := retryablehttp.NewClient().StandardClient()
	_, err := std.Post(api, "text/plain", strings.NewReader(body)) // want `\(\*http.Client\).Post sends an HTTP POST request through a go-retryablehttp client`
	return err
}

func fromRequest(ctx context.Context, c *retryablehttp.Client, body string) error {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	req, err := retryablehttp.FromRequest(hreq)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `sends an HTTP POST request through a go-retryablehttp client`
	return err
}

// ---- not reported ----

func clientGet(c *retryablehttp.Client) error {
	_, err := c.Get(api) // no diagnostic: GET
	return err
}

func clientPut(ctx context.Context, c *retryablehttp.Client, body string) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPut, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	_, err = c.Do(req) // no diagnostic: PUT
	return err
}

func withKey(ctx context.Context, c *retryablehttp.Client, key, body string) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	_, err = c.Do(req) // no diagnostic: the library resends the same key
	return err
}

func unknownMethod(ctx context.Context, c *retryablehttp.Client, method, body string) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, method, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	_, err = c.Do(req) // no diagnostic: the method is the caller's
	return err
}

func plainClient(c *http.Client, body string) error {
	_, err := c.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: a plain client does not retry
	return err
}
