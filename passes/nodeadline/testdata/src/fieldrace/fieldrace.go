// Package fieldrace keeps clients with no Timeout in struct fields, set
// once by a constructor and used by several methods: each field is one
// race, reported once at the first send with the other sends as related
// locations, whatever made the client (a literal, http.DefaultClient).
package fieldrace

import (
	"context"
	"net/http"
	"time"
)

// api's client is http.DefaultClient, chosen by its only constructor.
type api struct {
	base string
	hc   *http.Client
}

func newAPI(base string) *api {
	return &api{base: base, hc: http.DefaultClient}
}

func (a *api) list() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, a.base+"/list", nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through a.hc, which has no Timeout`
}

func (a *api) get(id string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, a.base+"/"+id, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req) // no diagnostic: the same client as list, related there
}

func (a *api) remove(id string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodDelete, a.base+"/"+id, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req) // no diagnostic: the same client as list, related there
}

func (a *api) head() (*http.Response, error) {
	return a.hc.Head(a.base) // no diagnostic: the same client as list, related there
}

// put's remedy is at the call (a context that never ends): its own finding.
func (a *api) put(id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPut, a.base+"/"+id, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req) // want `\(\*http.Client\).Do sends req with context.Background\(\), which never ends, through a.hc`
}

// store's client is a literal its constructor makes after the struct.
type store struct {
	hc *http.Client
}

func newStore() *store {
	s := &store{}
	s.hc = &http.Client{}
	return s
}

func (s *store) load(u string) (*http.Response, error) {
	return s.hc.Get(u) // want `\(\*http.Client\).Get sends a request with no context through s.hc, which has no Timeout`
}

func (s *store) save(u string) (*http.Response, error) {
	return s.hc.Post(u, "text/plain", nil) // no diagnostic: the same client as load, related there
}

// Two types, each choosing http.DefaultClient: two races.
type mirror struct {
	hc *http.Client
}

func newMirror() *mirror { return &mirror{hc: http.DefaultClient} }

func (m *mirror) fetch(u string) (*http.Response, error) {
	return m.hc.Get(u) // want `\(\*http.Client\).Get sends a request with no context through m.hc, which has no Timeout`
}

func (m *mirror) check(u string) (*http.Response, error) {
	return m.hc.Head(u) // no diagnostic: the same client as fetch, related there
}

// ---- the nearest harmless shapes

// timed's constructor gives the client a Timeout.
type timed struct {
	hc *http.Client
}

func newTimed() *timed { return &timed{hc: &http.Client{Timeout: 10 * time.Second}} }

func (t *timed) fetch(u string) (*http.Response, error) {
	return t.hc.Get(u) // no diagnostic: the client has a Timeout
}

// chooser's client is its caller's.
type chooser struct {
	hc *http.Client
}

func newChooser(hc *http.Client) *chooser { return &chooser{hc: hc} }

func (c *chooser) fetch(u string) (*http.Response, error) {
	return c.hc.Get(u) // no diagnostic: the caller chooses the client, and may give it a Timeout
}
