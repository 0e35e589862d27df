// Package retry is a stub of github.com/avast/retry-go/v4 for tests.
package retry

import "time"

type RetryableFunc func() error

type RetryableFuncWithData[T any] func() (T, error)

type RetryIfFunc func(error) bool

type Option func(*Config)

type Config struct{}

func Do(retryableFunc RetryableFunc, opts ...Option) error { return nil }

func DoWithData[T any](retryableFunc RetryableFuncWithData[T], opts ...Option) (T, error) {
	var zero T
	return zero, nil
}

func Attempts(attempts uint) Option { return nil }

func Delay(delay time.Duration) Option { return nil }

func RetryIf(retryIf RetryIfFunc) Option { return nil }

type unrecoverableError struct{ error }

func Unrecoverable(err error) error { return unrecoverableError{err} }
