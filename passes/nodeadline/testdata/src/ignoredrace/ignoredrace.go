// Package ignoredrace suppresses a race of several sends at a send that
// is not the first: the race is reported at the suppressed send, so that
// the directive suppresses the whole race.
package ignoredrace

import "net/http"

type feed struct {
	hc *http.Client
}

func newFeed() *feed { return &feed{hc: &http.Client{}} }

func (f *feed) latest(u string) (*http.Response, error) {
	return f.hc.Get(u) // no diagnostic: one race with poll, reported (and suppressed) there
}

func (f *feed) poll(u string) (*http.Response, error) {
	//toctou:ignore nodeadline a long poll: the server holds the request open until an event arrives
	return f.hc.Get(u) // want `\(\*http.Client\).Get sends a request with no context through f.hc`
}

// A directive with no reason suppresses nothing: the race stays at its
// first send.
type other struct {
	hc *http.Client
}

func newOther() *other { return &other{hc: &http.Client{}} }

func (o *other) first(u string) (*http.Response, error) {
	return o.hc.Get(u) // want `\(\*http.Client\).Get sends a request with no context through o.hc`
}

func (o *other) second(u string) (*http.Response, error) {
	//toctou:ignore nodeadline
	return o.hc.Get(u) // no diagnostic: the same client as first, related there
}
