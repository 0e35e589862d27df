// want package:"registers debug handlers on http.DefaultServeMux"

// Package mydebug holds the module's debug helpers: they register only
// debug, profiling and metrics handlers on the mux they are given.
package mydebug

import (
	"expvar"
	"fmt"
	"net/http"
	"net/http/pprof"
	"net/url"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// DebugHandler is an index of the debug pages under /debug/.
type DebugHandler struct {
	mux  *http.ServeMux
	urls []string
}

// Debugger registers the debug index and the profiles on mux; more pages
// are added with Handle.
func Debugger(mux *http.ServeMux) *DebugHandler { // want Debugger:"registers only debug handlers on parameter 0"
	d := &DebugHandler{mux: mux}
	mux.Handle("/debug/", d)
	d.Handle("pprof/", "profiles", http.HandlerFunc(pprof.Index))
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	return d
}

func (d *DebugHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, u := range d.urls {
		fmt.Fprintln(w, u)
	}
}

// Handle adds a page under /debug/slug, listed on the index.
func (d *DebugHandler) Handle(slug, desc string, h http.Handler) {
	href := "/debug/" + slug
	d.urls = append(d.urls, href+" "+desc)
	d.mux.Handle(href, h)
}

// Metrics registers the metrics and variables endpoints.
func Metrics(mux *http.ServeMux) { // want Metrics:"registers only debug handlers on parameter 0"
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/vars", expvar.Handler()) // a debug handler at a route of its own
	addStatus(mux)
}

// addStatus registers the status page.
func addStatus(mux *http.ServeMux) {
	mux.HandleFunc(fmt.Sprintf("/debug/status/%d", 1), func(http.ResponseWriter, *http.Request) {})
}

// Handler returns a handler of the profiles alone.
func Handler() http.Handler { // want Handler:"returns a handler that serves only debugging \\(result 0\\)"
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	return mux
}

// StatusMux returns a mux with the status pages; the caller may add more.
func StatusMux() *http.ServeMux { // want StatusMux:"returns a handler that serves only debugging \\(result 0\\)"
	mux := http.NewServeMux()
	Metrics(mux)
	return mux
}

// Routes registers the application's API: not a debug helper.
func Routes(mux *http.ServeMux, api http.Handler) {
	mux.Handle("/api/", api)
	Metrics(mux)
}

// Pages keeps the mux in an exported field, which any package may
// register on: not a debug helper.
type Pages struct{ Mux *http.ServeMux }

// Expose hands the mux out in Pages.
func Expose(mux *http.ServeMux) *Pages {
	mux.Handle("/metrics", promhttp.Handler())
	return &Pages{Mux: mux}
}

// Index returns the debug index registered on mux at /debug/, looking it
// up first so that a second call returns the first one's: the lookup
// registers nothing.
func Index(mux *http.ServeMux) *DebugHandler { // want Index:"registers only debug handlers on parameter 0"
	h, pattern := mux.Handler(&http.Request{URL: &url.URL{Path: "/debug/"}})
	if d, ok := h.(*DebugHandler); ok && pattern == "/debug/" {
		return d
	}
	d := &DebugHandler{mux: mux}
	mux.Handle("/debug/", d)
	return d
}

// IndexOrHome looks the index up too, but registers the application's
// home page when it is missing: not a debug helper.
func IndexOrHome(mux *http.ServeMux, home http.Handler) {
	if _, pattern := mux.Handler(&http.Request{URL: &url.URL{Path: "/debug/"}}); pattern == "" {
		mux.Handle("/", home)
	}
}
