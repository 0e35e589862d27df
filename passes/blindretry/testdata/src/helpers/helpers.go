// Package helpers retries through the retry libraries the pass knows.
package helpers

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	backoff "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/google/uuid"
	retry "github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
	k8sretry "k8s.io/client-go/util/retry"
)

const api = "https://pay.example.com/v1/charges"

// ---- reported ----

func backoffRetry(body string) error {
	return backoff.Retry(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // want `http.Post sends an HTTP POST request again after an error`
		return err
	}, backoff.NewExponentialBackOff())
}

func backoffNotify(ctx context.Context, c *http.Client, body string) error {
	op := func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
		if err != nil {
			return backoff.Permanent(err)
		}
		resp, err := c.Do(req) // want `\(\*http.Client\).Do sends an HTTP POST request again after an error`
		if err != nil {
			return fmt.Errorf("charge: %w", err)
		}
		return resp.Body.Close()
	}
	return backoff.RetryNotify(op, backoff.NewExponentialBackOff(), func(err error, d time.Duration) {})
}

func backoffWithData(c *http.Client, body string) (*http.Response, error) {
	return backoff.RetryWithData(func() (*http.Response, error) {
		return c.Post(api, "text/plain", strings.NewReader(body)) // want `\(\*http.Client\).Post sends an HTTP POST request again after an error`
	}, backoff.NewExponentialBackOff())
}

func backoffV5(ctx context.Context, db *sql.DB) (sql.Result, error) {
	return backoff5.Retry(ctx, func() (sql.Result, error) {
		return db.ExecContext(ctx, "INSERT INTO events (kind) VALUES ('paid')") // want `\(\*sql.DB\).ExecContext runs an INSERT again after an error`
	}, backoff5.WithBackOff(backoff5.NewExponentialBackOff()))
}

func retryGo(body string) error {
	return retrygo.Do(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // want `http.Post sends an HTTP POST request again after an error`
		return err
	}, retrygo.Attempts(3), retrygo.Delay(time.Second))
}

func retryGoWithData(c *http.Client, body string) (*http.Response, error) {
	return retrygo.DoWithData(func() (*http.Response, error) {
		return c.Post(api, "text/plain", strings.NewReader(body)) // want `\(\*http.Client\).Post sends an HTTP POST request again after an error`
	})
}

func goRetry(ctx context.Context, body string) error {
	return retry.Do(ctx, retry.WithMaxRetries(3, retry.NewFibonacci(time.Second)), func(ctx context.Context) error {
		if _, err := http.Post(api, "text/plain", strings.NewReader(body)); err != nil { // want `http.Post sends an HTTP POST request again after an error`
			return retry.RetryableError(err)
		}
		return nil
	})
}

func waitBackoff(body string) error {
	return wait.ExponentialBackoff(wait.Backoff{Steps: 5}, func() (bool, error) {
		if _, err := http.Post(api, "text/plain", strings.NewReader(body)); err != nil { // want `http.Post sends an HTTP POST request again after an error`
			return false, nil
		}
		return true, nil
	})
}

func waitPoll(ctx context.Context, c *http.Client, body string) error {
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, api, strings.NewReader(body))
		if err != nil {
			return false, err
		}
		_, err = c.Do(req) // want `\(\*http.Client\).Do sends an HTTP PATCH request again after an error`
		return err == nil, nil
	})
}

func freshKeyPerAttempt(ctx context.Context, c *http.Client, body string) error {
	return backoff.Retry(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
		if err != nil {
			return backoff.Permanent(err)
		}
		req.Header.Set("Idempotency-Key", uuid.NewString())
		_, err = c.Do(req) // want `\(\*http.Client\).Do sends an HTTP POST request again after an error with a new idempotency key on every attempt`
		return err
	}, backoff.NewExponentialBackOff())
}

// ---- not reported ----

func backoffPermanent(body string) error {
	return backoff.Retry(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: its failure is permanent, never retried
		if err != nil {
			return backoff.Permanent(err)
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

func backoffStableKey(ctx context.Context, c *http.Client, body string) error {
	key := uuid.NewString()
	return backoff.Retry(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
		if err != nil {
			return backoff.Permanent(err)
		}
		req.Header.Set("Idempotency-Key", key)
		_, err = c.Do(req) // no diagnostic: one key for every attempt
		return err
	}, backoff.NewExponentialBackOff())
}

func backoffGet(c *http.Client) error {
	return backoff.Retry(func() error {
		_, err := c.Get(api) // no diagnostic: GET
		return err
	}, backoff.NewExponentialBackOff())
}

func backoffStop(body string) error {
	return backoff.Retry(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: StopBackOff never retries
		return err
	}, &backoff.StopBackOff{})
}

func backoffZeroRetries(body string) error {
	return backoff.Retry(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: zero retries
		return err
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 0))
}

func backoffV5OneTry(ctx context.Context, db *sql.DB) (sql.Result, error) {
	return backoff5.Retry(ctx, func() (sql.Result, error) {
		return db.ExecContext(ctx, "INSERT INTO events (kind) VALUES ('paid')") // no diagnostic: one try
	}, backoff5.WithMaxTries(1))
}

func retryGoOneAttempt(body string) error {
	return retrygo.Do(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: one attempt
		return err
	}, retrygo.Attempts(1))
}

func retryGoRetryIf(body string) error {
	return retrygo.Do(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: RetryIf decides, and we cannot read it
		return err
	}, retrygo.RetryIf(func(err error) bool { return errors.Is(err, errRejected) }))
}

var errRejected = errors.New("rejected")

func retryGoUnrecoverable(body string) error {
	return retrygo.Do(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: marked unrecoverable
		if err != nil {
			return retrygo.Unrecoverable(err)
		}
		return nil
	})
}

func goRetryNotRetryable(ctx context.Context, body string) error {
	return retry.Do(ctx, retry.NewFibonacci(time.Second), func(ctx context.Context) error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: go-retry retries only errors marked retryable
		return err
	})
}

func waitStopsOnError(body string) error {
	return wait.ExponentialBackoff(wait.Backoff{Steps: 5}, func() (bool, error) {
		if _, err := http.Post(api, "text/plain", strings.NewReader(body)); err != nil { // no diagnostic: an error ends the wait
			return false, err
		}
		return true, nil
	})
}

func retryOnConflict(c *http.Client, body string) error {
	return k8sretry.RetryOnConflict(k8sretry.DefaultRetry, func() error {
		_, err := c.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: RetryOnConflict retries only conflicts, which the server rejected
		return err
	})
}

func onError(c *http.Client, body string) error {
	return k8sretry.OnError(k8sretry.DefaultRetry, func(err error) bool { return errors.Is(err, errRejected) }, func() error {
		_, err := c.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: its predicate decides, and we cannot read it
		return err
	})
}

func backoffRetryGoroutine(body string) {
	go func() {
		_ = backoff.Retry(func() error {
			if _, err := http.Post(api, "text/plain", strings.NewReader(body)); err != nil { // want `http.Post sends an HTTP POST request again after an error`
				return err
			}
			return nil
		}, backoff.NewExponentialBackOff())
	}()
}

func selectiveCallback(body string) error {
	return backoff.Retry(func() error {
		_, err := http.Post(api, "text/plain", strings.NewReader(body)) // no diagnostic: only a rejection is retried
		if errors.Is(err, errRejected) {
			return err
		}
		if err != nil {
			return backoff.Permanent(err)
		}
		return nil
	}, backoff.NewExponentialBackOff())
}
