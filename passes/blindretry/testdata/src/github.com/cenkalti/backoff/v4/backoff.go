// Package backoff is a stub of github.com/cenkalti/backoff/v4 for tests.
package backoff

import "time"

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type Operation func() error

type OperationWithData[T any] func() (T, error)

type Notify func(error, time.Duration)

type ExponentialBackOff struct{}

func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

func (*ExponentialBackOff) NextBackOff() time.Duration { return time.Second }
func (*ExponentialBackOff) Reset()                     {}

type StopBackOff struct{}

func (*StopBackOff) NextBackOff() time.Duration { return -1 }
func (*StopBackOff) Reset()                     {}

func WithMaxRetries(b BackOff, max uint64) BackOff { return b }

func Retry(o Operation, b BackOff) error { return nil }

func RetryNotify(operation Operation, b BackOff, notify Notify) error { return nil }

func RetryWithData[T any](o OperationWithData[T], b BackOff) (T, error) {
	var zero T
	return zero, nil
}

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

func Permanent(err error) error { return &PermanentError{Err: err} }
