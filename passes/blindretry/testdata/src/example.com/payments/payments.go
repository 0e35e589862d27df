// Package payments performs operations that must happen once; its facts
// reach the callers in example.com/shop.
package payments

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/uuid"
)

const api = "https://pay.example.com/v1/charges"

// Charge charges a card: once per call.
func Charge(ctx context.Context, card string, amount int) error { // want Charge:"performs a non-idempotent operation: sends an HTTP POST request"
	body := fmt.Sprintf(`{"card":%q,"amount":%d}`, card, amount)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("charge: %w", err)
	}
	return resp.Body.Close()
}

// ChargeOnce sends the caller's idempotency key: safe to retry when the
// caller makes the key once.
func ChargeOnce(ctx context.Context, key, card string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(card))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	_, err = http.DefaultClient.Do(req) // no diagnostic: not retried here
	return err
}

// ChargeFresh makes a new key on every call, so a retry of the call is a
// new charge.
func ChargeFresh(ctx context.Context, card string) error { // want ChargeFresh:"performs a non-idempotent operation: sends an HTTP POST request with an idempotency key it makes anew on every call"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, strings.NewReader(card))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", uuid.NewString())
	_, err = http.DefaultClient.Do(req)
	return err
}

// Refund uses PUT on the refund's own URL: idempotent.
func Refund(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, api+"/"+id+"/refund", nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// Notify posts but swallows the error: a caller cannot retry on it.
func Notify(msg string) error {
	if _, err := http.Post(api+"/notify", "text/plain", strings.NewReader(msg)); err != nil {
		return nil
	}
	return nil
}

// Ledger records payments.
type Ledger struct{ DB *sql.DB }

// Record inserts a row.
func (l *Ledger) Record(ctx context.Context, id string, amount int) error { // want Record:"performs a non-idempotent operation: runs an INSERT"
	_, err := l.DB.ExecContext(ctx, "INSERT INTO ledger (id, amount) VALUES ($1, $2)", id, amount)
	return err
}

// charge is not exported: known in this package only.
func charge(card string) error {
	_, err := http.Post(api, "text/plain", strings.NewReader(card))
	return err
}

// ChargeWrapped wraps the unexported charge.
func ChargeWrapped(card string) error { // want ChargeWrapped:"performs a non-idempotent operation: sends an HTTP POST request"
	return charge(card)
}

// Capture has a deferred close: its results go through a result slot.
func Capture(ctx context.Context, id string) error { // want Capture:"performs a non-idempotent operation: sends an HTTP POST request"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api+"/"+id+"/capture", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}
