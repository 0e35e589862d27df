// Package customkey is analyzed with -blindretry.keys=Idempotency-Token.
package customkey

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

func customHeader(ctx context.Context, c *http.Client, key, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://example.com", strings.NewReader(body))
		req.Header.Set("idempotency-token", key)
		if _, err := c.Do(req); err == nil { // no diagnostic: Idempotency-Token is a key header by the flag
			return nil
		}
	}
	return errors.New("gave up")
}

func otherHeader(ctx context.Context, c *http.Client, key, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://example.com", strings.NewReader(body))
		req.Header.Set("X-Request-Id", key)
		if _, err := c.Do(req); err == nil { // want `sends an HTTP POST request again after an error`
			return nil
		}
	}
	return errors.New("gave up")
}
