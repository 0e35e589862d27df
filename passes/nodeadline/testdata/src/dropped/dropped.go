// Package dropped holds functions that have a context but send requests
// without it: the caller's deadline never reaches the request.
package dropped

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

func get(ctx context.Context, url string) error {
	resp, err := http.Get(url) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout, although ctx is at hand; the caller's deadline does not reach it, and a server that stops responding blocks it forever \(build the request with http.NewRequestWithContext\(ctx, ...\)\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func post(ctx context.Context, url string, body io.Reader) (*http.Response, error) {
	return http.Post(url, "application/json", body) // want `http.Post sends a request with no context through http.DefaultClient, which has no Timeout, although ctx is at hand`
}

func newRequest(c context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through http.DefaultClient, which has no Timeout, although c is at hand`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func inClosure(ctx context.Context, urls []string) {
	for _, u := range urls {
		func() {
			resp, err := http.Head(u) // want `http.Head sends a request with no context through http.DefaultClient, which has no Timeout, although ctx is at hand`
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
}

type api struct{ hc *http.Client }

func newAPI() *api { return &api{hc: &http.Client{}} }

func (a *api) get(ctx context.Context, url string) error {
	resp, err := a.hc.Get(url) // want `\(\*http.Client\).Get sends a request with no context through a.hc, which has no Timeout, although ctx is at hand`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- no fix with the context: it is shadowed, or the arguments move

func shadowed(ctx context.Context, url string) error {
	{
		ctx := 1
		_ = ctx
		resp, err := http.Get(url) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout; a server`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func sideEffects(ctx context.Context, next func() string) error {
	resp, err := http.Get(next()) // want `although ctx is at hand`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func postForm(ctx context.Context, url string) error {
	resp, err := http.PostForm(url, nil) // want `http.PostForm sends a request with no context through http.DefaultClient, which has no Timeout, although ctx is at hand`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- quiet

func usesCtx(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the caller's context reaches the request
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func timedClient(ctx context.Context, url string) error {
	c := &http.Client{Timeout: time.Minute}
	resp, err := c.Get(url) // no diagnostic: the client's Timeout bounds it (the context is still dropped: noctx's business)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func unnamed(_ context.Context, url string) error {
	resp, err := http.Post(url, "text/plain", strings.NewReader("x")) // want `http.Post sends a request with no context through http.DefaultClient, which has no Timeout; a server`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
