// Package trace stubs golang.org/x/net/trace, which gRPC imports: its
// initializer looks up /debug/requests in the DefaultServeMux (a lookup,
// to refuse a second copy of the package) and registers its two pages.
package trace

import (
	"net/http"
	"net/url"
)

const (
	debugRequestsPath = "/debug/requests"
	debugEventsPath   = "/debug/events"
)

func init() {
	_, pat := http.DefaultServeMux.Handler(&http.Request{URL: &url.URL{Path: debugRequestsPath}})
	if pat == debugRequestsPath {
		panic("/debug/requests is already registered")
	}
	http.HandleFunc(debugRequestsPath, Traces)
	http.HandleFunc(debugEventsPath, Events)
}

func Traces(w http.ResponseWriter, req *http.Request) {}

func Events(w http.ResponseWriter, req *http.Request) {}
