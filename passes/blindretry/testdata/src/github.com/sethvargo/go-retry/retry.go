// Package retry is a stub of github.com/sethvargo/go-retry for tests.
package retry

import (
	"context"
	"time"
)

type Backoff interface {
	Next() (time.Duration, bool)
}

type RetryFunc func(ctx context.Context) error

func Do(ctx context.Context, b Backoff, f RetryFunc) error { return nil }

type retryableError struct{ err error }

func (e *retryableError) Error() string { return e.err.Error() }

func RetryableError(err error) error {
	if err == nil {
		return nil
	}
	return &retryableError{err}
}

type fib struct{}

func (fib) Next() (time.Duration, bool) { return time.Second, false }

func NewFibonacci(base time.Duration) Backoff { return fib{} }

func WithMaxRetries(max uint64, next Backoff) Backoff { return next }
