// Package timeouts is analyzed with -blindretry.timeouts: calls of
// unknown idempotency retried specifically after a timeout.
package timeouts

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"time"
)

// Ledger is an interface: what Append does is unknown.
type Ledger interface {
	Append(ctx context.Context, entry string) error
}

func appendOnTimeout(ctx context.Context, l Ledger, entry string) error {
	for i := 0; i < 3; i++ {
		err := l.Append(ctx, entry) // want `Append is called again after a timeout; a timeout is not a failure: the first call may have completed, so an operation that is not idempotent happens twice \(make it idempotent with a key created once before the retries, or do not retry after a timeout\)`
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
	return errors.New("gave up")
}

func transfer(ctx context.Context, from, to string) error { return nil }

func transferOnTimeout(ctx context.Context) error {
	for {
		err := transfer(ctx, "a", "b") // want `timeouts.transfer is called again after a timeout`
		if os.IsTimeout(err) {
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// ---- not reported ----

func appendBlind(ctx context.Context, l Ledger, entry string) error {
	for i := 0; i < 3; i++ {
		if err := l.Append(ctx, entry); err == nil { // no diagnostic: idempotency unknown, and not specifically after a timeout
			return nil
		}
	}
	return errors.New("gave up")
}

func getOnTimeout(c *http.Client, u string) (*http.Response, error) {
	for {
		resp, err := c.Get(u) // no diagnostic: GET is idempotent
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return resp, err
	}
}

func dialOnTimeout(addr string) (net.Conn, error) {
	for {
		conn, err := net.Dial("tcp", addr) // no diagnostic: connecting again is harmless
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			continue
		}
		return conn, err
	}
}

func readLoop(conn net.Conn, buf []byte) error {
	for {
		_ = conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf) // no diagnostic: success goes on reading; this is a read loop, not a retry
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			continue
		}
		if err != nil {
			return err
		}
		_ = n
	}
}
