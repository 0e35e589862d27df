package a

import (
	"context"
	"net/http"
	"time"
)

// ---- clients kept in fields and package-level variables

// API keeps its client in an unexported field: every store to it is in
// this package, so the pass follows it.
type API struct {
	base string
	hc   *http.Client
}

func NewAPI(base string) *API {
	return &API{base: base, hc: &http.Client{}}
}

func (a *API) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through a.hc, which has no Timeout`
}

// Tuned's client gets its Timeout in a method, after construction.
type Tuned struct{ hc *http.Client }

func NewTuned() *Tuned { return &Tuned{hc: &http.Client{}} }

func (t *Tuned) SetTimeout(d time.Duration) { t.hc.Timeout = d }

func (t *Tuned) Get(url string) (*http.Response, error) {
	return t.hc.Get(url) // no diagnostic: SetTimeout assigns the Timeout of the field's client
}

// Injected takes its client from its caller.
type Injected struct{ hc *http.Client }

func NewInjected(hc *http.Client) *Injected { return &Injected{hc: hc} }

func (i *Injected) Get(url string) (*http.Response, error) {
	return i.hc.Get(url) // no diagnostic: the caller's client may have a Timeout
}

// Exported fields can be set by any package.
type Open struct{ Client *http.Client }

func NewOpen() *Open { return &Open{Client: &http.Client{}} }

func (o *Open) Get(url string) (*http.Response, error) {
	return o.Client.Get(url) // no diagnostic: an exported field, other packages may replace the client
}

// A client value (not a pointer) embedded in a struct.
type byValue struct{ hc http.Client }

func (b *byValue) get(url string) (*http.Response, error) {
	return b.hc.Get(url) // want `b.hc, which has no Timeout`
}

type byValueTimed struct{ hc http.Client }

func (b *byValueTimed) init() { b.hc.Timeout = time.Minute }

func (b *byValueTimed) get(url string) (*http.Response, error) {
	return b.hc.Get(url) // no diagnostic: init sets the Timeout of the field
}

var pkgClient = &http.Client{}

func usePkgClient(url string) (*http.Response, error) {
	return pkgClient.Get(url) // want `pkgClient, which has no Timeout`
}

var timedPkgClient = &http.Client{}

func init() { timedPkgClient.Timeout = 30 * time.Second }

func useTimedPkgClient(url string) (*http.Response, error) {
	return timedPkgClient.Get(url) // no diagnostic: init sets the variable's Timeout
}

var ExportedClient = &http.Client{}

func useExportedClient(url string) (*http.Response, error) {
	return ExportedClient.Get(url) // no diagnostic: an exported variable, other packages may set its Timeout
}

// ---- a constructor of this package, followed through its summary

func makeClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 4}}
}

func fromConstructor(url string) (*http.Response, error) {
	c := makeClient()
	return c.Get(url) // want `c, which has no Timeout`
}

func fromConstructorTuned(url string) (*http.Response, error) {
	c := makeClient()
	c.Timeout = time.Second
	return c.Get(url) // no diagnostic: the caller sets the Timeout
}

func makeTimedClient() *http.Client {
	return &http.Client{Timeout: time.Minute}
}

func fromTimedConstructor(url string) (*http.Response, error) {
	return makeTimedClient().Get(url) // no diagnostic: the constructor sets a Timeout
}

// ---- closures

func closureClient(urls []string) {
	c := &http.Client{}
	for _, u := range urls {
		go func() {
			resp, err := c.Get(u) // want `c, which has no Timeout`
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
}

func closureTimedClient(urls []string) {
	c := &http.Client{}
	setup := func() { c.Timeout = time.Second }
	setup()
	for _, u := range urls {
		resp, err := c.Get(u) // no diagnostic: a closure sets the Timeout
		if err == nil {
			resp.Body.Close()
		}
	}
}

// ---- generics

type getter interface {
	Get(url string) (*http.Response, error)
}

func viaInterface[G getter](g G, url string) (*http.Response, error) {
	return g.Get(url) // no diagnostic: an interface method, the pass does not know the client
}

func genericSend[T any](url string, v T) error {
	resp, err := http.Get(url) // want `http.Get sends a request with no context`
	if err != nil {
		return err
	}
	_ = v
	return resp.Body.Close()
}

// ---- range over func

func each(urls []string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for _, u := range urls {
			if !yield(u) {
				return
			}
		}
	}
}

func rangeFunc(urls []string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for u := range each(urls) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := http.DefaultClient.Do(req) // no diagnostic: the captured context has a deadline
		if err == nil {
			resp.Body.Close()
		}
	}
}

func rangeFuncBad(urls []string) {
	c := &http.Client{}
	for u := range each(urls) {
		resp, err := c.Get(u) // want `c, which has no Timeout`
		if err == nil {
			resp.Body.Close()
		}
	}
}
