package a

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
)

const chargeURL = "https://pay.example.com/v1/charges"

// ---- HTTP: reported ----

// The double charge: a timeout after the server charged the card is an
// error here, and the loop charges again.
func chargeLoop(body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post(chargeURL, "application/json", bytes.NewReader(body)) // want `http.Post sends an HTTP POST request again after an error; the failed attempt may have reached the server \(a timeout is not a failure\), so the request can take effect twice \(create an idempotency key once before the retries and send it with every attempt, or do not retry when the outcome is unknown\)`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func foreverDo(ctx context.Context, c *http.Client, body string) (*http.Response, error) {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req) // want `\(\*http.Client\).Do sends an HTTP POST request again after an error`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

func rangeIntPatch(c *http.Client, u string) error {
	req, err := http.NewRequest("PATCH", u, nil)
	if err != nil {
		return err
	}
	for range 5 {
		resp, err := c.Do(req) // want `sends an HTTP PATCH request again after an error`
		if err != nil {
			continue
		}
		resp.Body.Close()
		return nil
	}
	return errors.New("gave up")
}

func whileErr(c *http.Client, form url.Values) error {
	_, err := c.PostForm(chargeURL, form)
	for n := 0; err != nil && n < 3; n++ {
		time.Sleep(time.Second)
		_, err = c.PostForm(chargeURL, form) // want `\(\*http.Client\).PostForm sends an HTTP POST request again after an error`
	}
	return err
}

func literalRequest(c *http.Client, u *url.URL) error {
	for attempt := 0; ; attempt++ {
		req := &http.Request{Method: http.MethodPost, URL: u, Header: http.Header{}}
		req.Header.Set("Content-Type", "application/json")
		_, err := c.Do(req) // want `sends an HTTP POST request again after an error`
		if err == nil {
			return nil
		}
		if attempt > 3 {
			return err
		}
	}
}

func methodOverride(c *http.Client, u string) error {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Method = http.MethodPost
	var err error
	for i := 0; i < 3; i++ {
		if _, err = c.Do(req); err == nil { // want `sends an HTTP POST request again after an error`
			break
		}
	}
	return err
}

func permanentOtherwiseRetry(c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		_, err := c.Post(chargeURL, "text/plain", strings.NewReader(body)) // want `\(\*http.Client\).Post sends an HTTP POST request again after an error`
		if err == nil {
			return nil
		}
		if isPermanent(err) {
			return err // the rest are retried
		}
	}
	return errors.New("gave up")
}

func isPermanent(err error) bool { return errors.Is(err, errPermanent) }

var errPermanent = errors.New("permanent")

// Retried only after a timeout: still the case the seed warns about.
func onlyOnTimeout(body string) error {
	for i := 0; i < 3; i++ {
		_, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)) // want `http.Post sends an HTTP POST request again after a timeout`
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
	return nil
}

func onNetTimeout(body string) error {
	for i := 0; i < 3; i++ {
		_, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)) // want `http.Post sends an HTTP POST request again after a timeout`
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			continue
		}
		return err
	}
	return nil
}

func onAssertedTimeout(body string) error {
	for i := 0; i < 3; i++ {
		_, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)) // want `again after a timeout`
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			continue
		}
		return err
	}
	return nil
}

// A new key on every attempt is no key at all.
func keyInLoop(ctx context.Context, c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		req.Header.Set("Idempotency-Key", uuid.NewString())
		if _, err := c.Do(req); err == nil { // want `\(\*http.Client\).Do sends an HTTP POST request again after an error with a new idempotency key on every attempt; the server cannot tell the attempts apart, so the request can take effect twice \(create the key once before the retries and send the same key on every attempt\)`
			return nil
		}
	}
	return errors.New("gave up")
}

func keyFromUUIDString(ctx context.Context, c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		req.Header["Idempotency-Key"] = []string{uuid.New().String()}
		if _, err := c.Do(req); err == nil { // want `with a new idempotency key on every attempt`
			return nil
		}
	}
	return errors.New("gave up")
}

// A closure with its own retry loop.
func inClosure(body string) func() error {
	return func() error {
		var err error
		for i := 0; i < 3; i++ {
			if _, err = http.Post(chargeURL, "text/plain", strings.NewReader(body)); err == nil { // want `http.Post sends an HTTP POST request again after an error`
				return nil
			}
		}
		return err
	}
}

// Generic functions and methods retry too.
func genericRetry[T fmt.Stringer](v T) error {
	for i := 0; i < 3; i++ {
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader(v.String())); err == nil { // want `http.Post sends an HTTP POST request again after an error`
			return nil
		}
	}
	return errors.New("gave up")
}

type notifier struct{ c *http.Client }

func (n *notifier) send(ctx context.Context, msg string) error {
	for attempt := range 3 {
		_ = attempt
		req, err := http.NewRequestWithContext(ctx, "POST", "https://hooks.example.com", strings.NewReader(msg))
		if err != nil {
			return err
		}
		resp, err := n.c.Do(req) // want `sends an HTTP POST request again after an error`
		if err != nil {
			continue
		}
		resp.Body.Close()
		break
	}
	return nil
}

// ---- SQL: reported ----

func insertRetry(ctx context.Context, db *sql.DB, id string, amount int) error {
	var err error
	for i := 0; i < 3; i++ {
		_, err = db.ExecContext(ctx, "INSERT INTO payments (id, amount) VALUES ($1, $2)", id, amount) // want `\(\*sql.DB\).ExecContext runs an INSERT again after an error; the failed attempt may have committed \(a timeout is not a failure\), so the change can be applied twice \(make the statement idempotent, e.g. INSERT ... ON CONFLICT on a key created once before the retries, or do not retry when the outcome is unknown\)`
		if err == nil {
			return nil
		}
	}
	return err
}

func incrementRetry(tx *sql.Tx, id string) error {
	for {
		_, err := tx.Exec("-- credit the account\n"+"UPDATE accounts SET updated = now(), balance = balance + 10 WHERE id = ?", id) // want `\(\*sql.Tx\).Exec runs an UPDATE that adds to balance again after an error`
		if err == nil {
			return nil
		}
	}
}

// ---- not reported ----

func getRetry(c *http.Client, u string) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get(u) // no diagnostic: GET is idempotent
		if err == nil {
			return resp, nil
		}
	}
	return nil, errors.New("gave up")
}

func putRetry(ctx context.Context, c *http.Client, u string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPut, u, nil)
		if _, err := c.Do(req); err == nil { // no diagnostic: PUT is idempotent
			return nil
		}
	}
	return errors.New("gave up")
}

func deleteRetry(ctx context.Context, c *http.Client, u string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	for i := 0; i < 3; i++ {
		if _, err := c.Do(req); err == nil { // no diagnostic: DELETE is idempotent
			return nil
		}
	}
	return errors.New("gave up")
}

// The remedy: one key, made before the loop, sent on every attempt.
func keyBeforeLoop(ctx context.Context, c *http.Client, body string) error {
	key := uuid.NewString()
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		req.Header.Set("Idempotency-Key", key)
		if _, err := c.Do(req); err == nil { // no diagnostic: the key is the same on every attempt
			return nil
		}
	}
	return errors.New("gave up")
}

func keyFromOrder(ctx context.Context, c *http.Client, orderID, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		req.Header.Set("X-Idempotency-Key", fmt.Sprintf("order-%s", orderID))
		if _, err := c.Do(req); err == nil { // no diagnostic: derived from the order, the same on every attempt
			return nil
		}
	}
	return errors.New("gave up")
}

func keyInLiteral(ctx context.Context, c *http.Client, u *url.URL, key string) error {
	for i := 0; i < 3; i++ {
		req := &http.Request{Method: http.MethodPost, URL: u, Header: http.Header{"Idempotency-Key": {key}}}
		if _, err := c.Do(req.WithContext(ctx)); err == nil { // no diagnostic: a key from the caller
			return nil
		}
	}
	return errors.New("gave up")
}

func keyOfUnknownOrigin(ctx context.Context, c *http.Client, body string, keys func() string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		req.Header.Set("Idempotency-Key", keys())
		if _, err := c.Do(req); err == nil { // no diagnostic: we cannot tell whether keys() returns the same key
			return nil
		}
	}
	return errors.New("gave up")
}

func itemsLoop(urls []string) {
	for _, u := range urls {
		if _, err := http.Post(u, "text/plain", nil); err != nil { // no diagnostic: a loop over items, not a retry
			continue
		}
	}
}

func failover(endpoints []string, body string) error {
	for i := 0; i < len(endpoints); i++ {
		if _, err := http.Post(endpoints[i], "text/plain", strings.NewReader(body)); err == nil { // no diagnostic: each iteration posts to another endpoint
			return nil
		}
	}
	return errors.New("all endpoints failed")
}

func fromChannel(ch <-chan string) error {
	for {
		msg := <-ch
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader(msg)); err == nil { // no diagnostic: each iteration sends another message
			return nil
		}
	}
}

func returnsOnError(body string) error {
	for i := 0; i < 3; i++ {
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)); err != nil { // no diagnostic: an error ends the loop
			return err
		}
	}
	return nil
}

func breaksOnError(body string) (err error) {
	for i := 0; i < 3; i++ {
		if _, err = http.Post(chargeURL, "text/plain", strings.NewReader(body)); err != nil { // no diagnostic: an error ends the loop
			break
		}
		time.Sleep(time.Second)
	}
	return err
}

func statusRetry(c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Post(chargeURL, "text/plain", strings.NewReader(body)) // no diagnostic: only a 503 answer, which says the server did not act, leads back
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			continue
		}
		return nil
	}
	return errors.New("unavailable")
}

var errConflict = errors.New("conflict")

func selectiveRetry(body string) error {
	for i := 0; i < 3; i++ {
		_, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)) // no diagnostic: only a specific error leads back
		if errors.Is(err, errConflict) {
			continue
		}
		return err
	}
	return nil
}

func timeoutsExcluded(body string) error {
	for i := 0; i < 3; i++ {
		_, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)) // no diagnostic: the code already stops on a timeout, the unknown outcome
		if err == nil {
			return nil
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return err
		}
	}
	return errors.New("gave up")
}

func repeatsOnSuccess(body string) {
	for i := 0; i < 3; i++ {
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)); err != nil { // no diagnostic: success does not leave the loop, so this is no retry
			time.Sleep(time.Second)
		}
	}
}

func newRequest(ctx context.Context, body string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
}

func builtElsewhere(ctx context.Context, c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		req, err := newRequest(ctx, body)
		if err != nil {
			return err
		}
		if _, err := c.Do(req); err == nil { // no diagnostic: the request is built in another function; its method is unknown here
			return nil
		}
	}
	return errors.New("gave up")
}

func sign(req *http.Request) { req.Header.Set("Signature", "x") }

func handedOn(ctx context.Context, c *http.Client, body string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, strings.NewReader(body))
		sign(req)
		if _, err := c.Do(req); err == nil { // no diagnostic: sign may have set an idempotency key
			return nil
		}
	}
	return errors.New("gave up")
}

func upsertRetry(ctx context.Context, db *sql.DB, id string) error {
	for i := 0; i < 3; i++ {
		if _, err := db.ExecContext(ctx, "INSERT INTO payments (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", id); err == nil { // no diagnostic: an upsert
			return nil
		}
	}
	return errors.New("gave up")
}

func mysqlUpsertRetry(db *sql.DB, id string) error {
	for i := 0; i < 3; i++ {
		if _, err := db.Exec("INSERT INTO payments (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id", id); err == nil { // no diagnostic: an upsert
			return nil
		}
	}
	return errors.New("gave up")
}

func setRetry(db *sql.DB, id string) error {
	for i := 0; i < 3; i++ {
		if _, err := db.Exec("UPDATE orders SET status = 'paid', total = price + tax WHERE id = ?", id); err == nil { // no diagnostic: sets absolute values
			return nil
		}
	}
	return errors.New("gave up")
}

func deleteSQLRetry(db *sql.DB, id string) error {
	for i := 0; i < 3; i++ {
		if _, err := db.Exec("DELETE FROM sessions WHERE id = ?", id); err == nil { // no diagnostic: DELETE is idempotent
			return nil
		}
	}
	return errors.New("gave up")
}

func queryRetry(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	for i := 0; i < 3; i++ {
		rows, err := db.QueryContext(ctx, "SELECT id FROM payments") // no diagnostic: a query
		if err == nil {
			return rows, nil
		}
	}
	return nil, errors.New("gave up")
}

func dynamicSQL(db *sql.DB, query string) error {
	for i := 0; i < 3; i++ {
		if _, err := db.Exec(query); err == nil { // no diagnostic: a statement we cannot read
			return nil
		}
	}
	return errors.New("gave up")
}

func insertItems(ctx context.Context, db *sql.DB, ids []string) error {
	for i := range len(ids) {
		if _, err := db.ExecContext(ctx, "INSERT INTO seen (id) VALUES ($1)", ids[i]); err == nil { // no diagnostic: one insert per item
			return nil
		}
	}
	return nil
}

// attempts is an iterator over attempt numbers.
func attempts(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func rangeOverFunc(body string) error {
	for range attempts(3) {
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader(body)); err == nil { // no diagnostic: a range over an iterator is taken for a loop over items; its body is a function of its own
			return nil
		}
	}
	return errors.New("gave up")
}
