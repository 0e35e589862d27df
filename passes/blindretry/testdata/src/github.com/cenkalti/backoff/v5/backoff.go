// Package backoff is a stub of github.com/cenkalti/backoff/v5 for tests.
package backoff

import (
	"context"
	"time"
)

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type Operation[T any] func() (T, error)

type RetryOption func(*retryOptions)

type retryOptions struct{}

type ExponentialBackOff struct{}

func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

func (*ExponentialBackOff) NextBackOff() time.Duration { return time.Second }
func (*ExponentialBackOff) Reset()                     {}

func WithBackOff(b BackOff) RetryOption { return nil }

func WithMaxTries(n uint) RetryOption { return nil }

func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	var zero T
	return zero, nil
}

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

func Permanent(err error) error { return &PermanentError{Err: err} }
