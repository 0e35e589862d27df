// Package shop retries the operations of example.com/payments, directly
// and through the helpers of example.com/retryutil.
package shop

import (
	"context"
	"errors"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"

	"example.com/payments"
	"example.com/retryutil"
)

// The seed's example in Go: reported at the charge call.
func Checkout(ctx context.Context, card string) error {
	for i := 0; i < 3; i++ {
		if err := payments.Charge(ctx, card, 100); err == nil { // want `payments.Charge sends an HTTP POST request again after an error; the failed attempt may have reached the server`
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("payment failed")
}

func CheckoutForever(ctx context.Context, card string) error {
	for {
		if err := payments.Charge(ctx, card, 100); err == nil { // want `payments.Charge sends an HTTP POST request again after an error`
			return nil
		}
	}
}

func CheckoutWrapped(card string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = payments.ChargeWrapped(card); err == nil { // want `payments.ChargeWrapped sends an HTTP POST request again after an error`
			break
		}
	}
	return err
}

func RecordRetry(ctx context.Context, l *payments.Ledger) error {
	for i := 0; i < 3; i++ {
		if err := l.Record(ctx, "p-1", 100); err == nil { // want `\(\*payments.Ledger\).Record runs an INSERT again after an error`
			return nil
		}
	}
	return errors.New("gave up")
}

func FreshKeyRetry(ctx context.Context, card string) error {
	for i := 0; i < 3; i++ {
		if err := payments.ChargeFresh(ctx, card); err == nil { // want `payments.ChargeFresh sends an HTTP POST request with an idempotency key it makes anew on every call, and runs again after an error; the server cannot tell the attempts apart`
			return nil
		}
	}
	return errors.New("gave up")
}

func ViaHelper(ctx context.Context, card string) error {
	return retryutil.Do(3, func() error {
		return payments.Charge(ctx, card, 100) // want `payments.Charge sends an HTTP POST request again after an error`
	})
}

func ViaTimeoutHelper(card string) error {
	return retryutil.OnTimeout(context.Background(), func(ctx context.Context) error {
		return payments.Charge(ctx, card, 100) // want `payments.Charge sends an HTTP POST request again after a timeout`
	})
}

func ViaBackoffHelper(ctx context.Context, card string) error {
	return retryutil.WithBackoff(func() error {
		return payments.Charge(ctx, card, 100) // want `payments.Charge sends an HTTP POST request again after an error`
	})
}

func ViaMethodHelper(ctx context.Context, c *retryutil.Client, card string) error {
	return c.Retry(func() error {
		return payments.Charge(ctx, card, 100) // want `again after an error`
	})
}

func chargeDefault() error { return payments.Charge(context.Background(), "4242", 100) }

func NamedCallback() error {
	return backoff.Retry(chargeDefault, backoff.NewExponentialBackOff()) // want `backoff.Retry calls shop.chargeDefault again after an error; it sends an HTTP POST request`
}

// ---- not reported ----

func StableKey(ctx context.Context, card string) error {
	key := uuid.NewString()
	for i := 0; i < 3; i++ {
		if err := payments.ChargeOnce(ctx, key, card); err == nil { // no diagnostic: a key made once, sent on every attempt
			return nil
		}
	}
	return errors.New("gave up")
}

func RefundRetry(ctx context.Context) error {
	for i := 0; i < 3; i++ {
		if err := payments.Refund(ctx, "r-1"); err == nil { // no diagnostic: PUT
			return nil
		}
	}
	return errors.New("gave up")
}

func NotifyRetry() error {
	for i := 0; i < 3; i++ {
		if err := payments.Notify("hi"); err == nil { // no diagnostic: Notify never reports the POST's failure
			return nil
		}
	}
	return errors.New("gave up")
}

func OnceHelper(ctx context.Context, card string) error {
	return retryutil.Once(func() error {
		return payments.Charge(ctx, card, 100) // no diagnostic: Once does not retry
	})
}

func EachHelper(ctx context.Context, cards []string) {
	retryutil.Each(cards, func(card string) error {
		return payments.Charge(ctx, card, 100) // no diagnostic: Each goes over items
	})
}

func HelperIgnoresError(ctx context.Context, card string) error {
	return retryutil.Do(3, func() error {
		_ = payments.Charge(ctx, card, 100) // no diagnostic: the callback never fails, so it runs once
		return nil
	})
}

func CaptureRetry(ctx context.Context) error {
	for i := 0; i < 3; i++ {
		if err := payments.Capture(ctx, "p-1"); err == nil { // want `payments.Capture sends an HTTP POST request again after an error`
			return nil
		}
	}
	return errors.New("gave up")
}
