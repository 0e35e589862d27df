// Package ctxs holds context cases: contexts that never end reaching a
// request or a dial that nothing else bounds, and the contexts that do end.
package ctxs

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func background(url string, v any) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends req with context.Background\(\), which never ends, through http.DefaultClient, which has no Timeout; a server that stops responding blocks it forever \(derive the context with context.WithTimeout\)`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func todo(url string) error {
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `with context.TODO\(\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The context is a variable: reported, but the fix would bound every use
// of it, so none is offered.
func variable(url string) error {
	ctx := context.Background()
	ctx = context.WithValue(ctx, key{}, "v")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `with context.Background\(\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type key struct{}

// WithoutCancel drops the caller's deadline.
func detached(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `with context.WithoutCancel\(...\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A cancel that only the function itself calls bounds nothing.
func localCancel(url string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `with context.Background\(\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The response leaves the function: a deferred cancel would cut its body
// short, so the fix is not offered.
func returnsResponse(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `with context.Background\(\), which never ends`
}

func dialBackground(addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(context.Background(), "tcp", addr) // want `\(\*net.Dialer\).DialContext connects with context.Background\(\), which never ends, and d sets neither Timeout nor Deadline`
}

// ---- contexts that end

func withTimeout(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the context has a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func timeoutCause(url string) error {
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Minute, context.DeadlineExceeded)
	defer cancel()
	req, _ := http.NewRequestWithContext(context.WithValue(ctx, key{}, 1), http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a value context keeps its parent's deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func cancelledByTimer(url string) error {
	ctx, cancel := context.WithCancel(context.Background())
	t := time.AfterFunc(time.Minute, cancel)
	defer t.Stop()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a timer cancels the context
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func cancelledByGoroutine(url string, stop <-chan struct{}) error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-stop
		cancel()
	}()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // no diagnostic: another goroutine cancels the context
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func signalled(url string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a signal ends the context (the pass cannot tell when)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Optional timeouts are a configuration choice.
func optionalTimeout(url string, d time.Duration) error {
	ctx := context.Background()
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req) // no diagnostic: a deadline on one path
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func backgroundTimedClient(url string) error {
	c := &http.Client{Timeout: time.Minute}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	resp, err := c.Do(req) // no diagnostic: the client's Timeout bounds the request
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func dialTimedBackground(addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	return d.DialContext(context.Background(), "tcp", addr) // no diagnostic: the dialer's Timeout bounds the dial
}

func dialUnixBackground(sock string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(context.Background(), "unix", sock) // no diagnostic: connecting a Unix socket never waits
}

// ---- contexts from parameters: the callers decide

func passesOn(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the caller's context may have a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func nilDefault(ctx context.Context, url string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	return passesOn(ctx, url) // no diagnostic: the caller's context, when there is one
}

func callsWithBackground(url string) error {
	return passesOn(context.Background(), url) // want `passesOn sends a network request with context.Background\(\), which never ends`
}

func callsWithDeadline(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return passesOn(ctx, url) // no diagnostic: the context has a deadline
}

func callsNilDefault(url string) error {
	return nilDefault(context.TODO(), url) // want `nilDefault sends a network request with context.TODO\(\), which never ends`
}

func deferredClosure(ctx context.Context, url string) error {
	errc := make(chan error, 1)
	go func() {
		errc <- passesOn(ctx, url) // no diagnostic: the enclosing function's context, passed on
	}()
	return <-errc
}

func callsClosureUser(url string) error {
	return deferredClosure(context.Background(), url) // want `deferredClosure sends a network request with context.Background\(\)`
}

// context.TODO() in a function that has a context: the fix derives the
// timeout from ctx, not from context.TODO(), so that the caller's
// cancellation still reaches the request.
func todoWithCtx(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends req with context.TODO\(\), which never ends`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
