package chosen

import (
	"context"
	"net/http"
)

type limiter interface {
	Wait(ctx context.Context) error
}

// ---- http.NewRequest in a function that has a context

type API struct {
	Client  *http.Client // any package may set it: its Timeout is unknown
	limiter limiter
}

func (a *API) Get(ctx context.Context, url string) (*http.Response, error) {
	if err := a.limiter.Wait(ctx); err != nil { // ctx is used, but not for the request
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest builds a request with no context, although ctx is at hand; the caller's deadline and cancellation do not reach it, and unless the client has a Timeout, a server that stops responding blocks the send \(build it with http.NewRequestWithContext\(ctx, ...\)\)`
	if err != nil {
		return nil, err
	}
	return a.Client.Do(req)
}

func (a *API) GetCtx(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return a.Client.Do(req) // no diagnostic: the request carries ctx
}

func (a *API) GetAttached(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // no diagnostic: the context is attached below
	if err != nil {
		return nil, err
	}
	return a.Client.Do(req.WithContext(ctx))
}

func (a *API) build(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil) // no diagnostic: the request leaves the function, its sender may attach a context
}

func (a *API) GetHanded(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // no diagnostic: handed to a function that may attach the context
	if err != nil {
		return nil, err
	}
	return a.send(ctx, req)
}

func (a *API) send(ctx context.Context, req *http.Request) (*http.Response, error) {
	return a.Client.Do(req.WithContext(ctx))
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func getThrough(ctx context.Context, d doer, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest builds a request with no context, although ctx is at hand`
	if err != nil {
		return nil, err
	}
	return d.Do(req)
}

func noContextParam(d doer, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil) // no diagnostic: no context at hand (the send's client decides)
	if err != nil {
		return nil, err
	}
	return d.Do(req)
}
