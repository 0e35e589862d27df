// Package app calls netutil: the reports land here, where the context
// that never ends is supplied.
package app

import (
	"context"
	"net/http"
	"time"

	"example.com/netutil"
)

func main1() error {
	_, err := netutil.Fetch(context.Background(), "http://example.com/") // want `netutil.Fetch sends a network request with context.Background\(\), which never ends; a peer that stops responding blocks it forever \(pass a context with a deadline, from context.WithTimeout\)`
	return err
}

func main2() error {
	c := &netutil.Client{}
	_, err := c.Get(context.TODO(), "/x") // want `\(\*netutil.Client\).Get sends a network request with context.TODO\(\), which never ends`
	return err
}

func withDeadline() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := netutil.Fetch(ctx, "http://example.com/") // no diagnostic: the context has a deadline
	return err
}

func bounded() error {
	_, err := netutil.FetchBounded(context.Background(), "http://example.com/") // no diagnostic: FetchBounded sets its own deadline
	return err
}

func passOn(ctx context.Context) error {
	_, err := netutil.Fetch(ctx, "http://example.com/") // no diagnostic: passes its caller's context on
	return err
}

func sendPlain(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := netutil.Send(req) // want `netutil.Send sends req, which has no context, through a client with no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendBackground(url string) error {
	req, err := netutil.NewRequestCtx(context.Background(), url)
	if err != nil {
		return err
	}
	resp, err := netutil.Send(req) // want `netutil.Send sends req with context.Background\(\), which never ends, through a client with no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendHelperRequest(url string) error {
	req, err := netutil.NewRequest(http.MethodGet, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendDeadline(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := netutil.NewRequestCtx(ctx, url)
	if err != nil {
		return err
	}
	resp, err := netutil.Send(req) // no diagnostic: the request's context has a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func useClient(url string) error {
	resp, err := netutil.NewClient().Get(url) // want `\(\*http.Client\).Get sends a request with no context through netutil.NewClient\(\), which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func useTimedClient(url string) error {
	resp, err := netutil.NewTimedClient().Get(url) // no diagnostic: the constructor sets a Timeout
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func tuneClient(url string) error {
	c := netutil.NewClient()
	c.Timeout = time.Minute
	resp, err := c.Get(url) // no diagnostic: the caller sets the Timeout
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func connect(addr string) error {
	conn, err := netutil.Connect(context.Background(), addr) // want `netutil.Connect connects with context.Background\(\), which never ends; an address that does not answer blocks it until the operating system gives up, minutes later`
	if err != nil {
		return err
	}
	return conn.Close()
}

func serve(h http.Handler) error {
	return netutil.NewServer(h).ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts netutil.NewServer\(h\), which sets neither ReadHeaderTimeout nor ReadTimeout`
}

func serveTuned(h http.Handler) error {
	srv := netutil.NewServer(h)
	srv.ReadHeaderTimeout = 10 * time.Second
	return srv.ListenAndServe() // no diagnostic: the caller sets ReadHeaderTimeout
}

func sendDropped(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := netutil.Send(req) // want `netutil.Send sends req, which has no context, through a client with no Timeout, although ctx is at hand`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
