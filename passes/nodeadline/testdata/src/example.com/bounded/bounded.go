// Package bounded holds functions that take a context: some bound their
// network work themselves, whatever context they receive (no fact: their
// callers may pass context.Background()), and some leave the bound to
// the context (a fact: callers that pass one that never ends are
// reported).
package bounded

import (
	"bufio"
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// ---- bounded by the callee: no fact

// Fetch derives its own deadline before it sends.
func Fetch(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // no diagnostic: the context has a deadline
}

// FetchDefaultDeadline bounds the call when the caller did not.
func FetchDefaultDeadline(ctx context.Context, url string) (*http.Response, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // no diagnostic: a deadline on every path that has none
}

var client = &http.Client{Timeout: 30 * time.Second}

// FetchTimedClient sends through a client with a Timeout it sets itself.
func FetchTimedClient(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req) // no diagnostic: the client's Timeout bounds it
}

// DialTimed dials with a net.Dialer that has a Timeout.
func DialTimed(ctx context.Context, addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	return d.DialContext(ctx, "tcp", addr) // no diagnostic: the dialer's Timeout bounds it
}

// Watch reads a stream for as long as its caller lets it: the caller
// that passes a context that never ends means it to last.
func Watch(ctx context.Context, url string, events chan<- string) error { // want Watch:"reads a stream with the context from parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a long-lived stream, bounded by its caller's cancellation if ever
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		events <- sc.Text()
	}
	return sc.Err()
}

// Health asks a process of the same machine.
func Health(ctx context.Context, port string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+port+"/health", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a loopback host, no stranger
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- bounded by the caller's context only: a fact

// Get sends with its caller's context and nothing else.
func Get(ctx context.Context, url string) (*http.Response, error) { // want Get:"sends a network request with the context from parameter 0"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // no diagnostic: the callers decide
}

// Connect connects with its caller's context, then bounds every read and
// write with a deadline: only the connect is left to the context.
func Connect(ctx context.Context, addr string) (net.Conn, error) { // want Connect:"connects with the context from parameter 0"
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr) // no diagnostic: the callers decide
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(time.Minute))
	return conn, nil
}

// Secure shakes hands with its caller's context.
func Secure(ctx context.Context, addr string) (net.Conn, error) { // want Secure:"sends a network request with the context from parameter 0"
	d := &tls.Dialer{}
	return d.DialContext(ctx, "tcp", addr) // no diagnostic: the callers decide
}

// ConnectAndGet connects and sends a request with one context: the
// request decides.
func ConnectAndGet(ctx context.Context, addr, url string) error { // want ConnectAndGet:"sends a network request with the context from parameter 0"
	conn, err := Connect(ctx, addr)
	if err != nil {
		return err
	}
	conn.Close()
	resp, err := Get(ctx, url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
