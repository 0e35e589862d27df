// Package retryutil has retry helpers of its own; facts tell callers in
// other packages which callback they retry.
package retryutil

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// Do calls op until it succeeds, at most attempts times.
func Do(attempts int, op func() error) (err error) { // want Do:"retries its callback param 1 after an error"
	for range attempts {
		if err = op(); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

// OnTimeout calls op again only when it timed out.
func OnTimeout(ctx context.Context, op func(context.Context) error) error { // want OnTimeout:"retries its callback param 1 after a timeout"
	for {
		err := op(ctx)
		if os.IsTimeout(err) || errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
}

// WithBackoff hands op to backoff.Retry.
func WithBackoff(op func() error) error { // want WithBackoff:"retries its callback param 0 after an error"
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

// Once calls op once.
func Once(op func() error) error {
	return op()
}

// Each calls op for every item; an error moves on to the next.
func Each(items []string, op func(string) error) {
	for _, it := range items {
		if err := op(it); err != nil {
			continue
		}
	}
}

// Client wraps retries in a method.
type Client struct{ Attempts int }

// Retry is a method that retries its callback.
func (c *Client) Retry(op func() error) error { // want Retry:"retries its callback param 1 after an error"
	var err error
	for i := 0; i < c.Attempts; i++ {
		if err = op(); err == nil {
			break
		}
	}
	return err
}
