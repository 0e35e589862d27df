// Command debughelper serves debug servers whose mux receives only the
// registrations of the module's debug helpers (mydebug): moot. A mux
// that also gets the application's handlers is still reported.
package main

import (
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/pprof"

	"debughelper/mydebug"
)

var debugAddr = flag.String("debug-addr", ":6060", "the debug listener")

func main() {
	flag.Parse()
	mux := http.NewServeMux()
	dbg := mydebug.Debugger(mux)
	dbg.Handle("x", "the x page", http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	go http.ListenAndServe(*debugAddr, mux) // no diagnostic: debug helpers only
}

func metricsOnly(addr string) error {
	mux := http.NewServeMux()
	mydebug.Metrics(mux)
	return http.ListenAndServe(addr, mux) // no diagnostic: the metrics helper only
}

func handlerOnly(addr string) error {
	return http.ListenAndServe(addr, mydebug.Handler()) // no diagnostic: the helper returns a profiling handler
}

func statusMux(addr string) error {
	srv := &http.Server{Addr: addr, Handler: mydebug.StatusMux()}
	return srv.ListenAndServe() // no diagnostic: the helper's mux, nothing added
}

// profiles is a debug helper of this package.
func profiles(mux *http.ServeMux) {
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
}

func ownHelper(addr string) error {
	mux := http.NewServeMux()
	profiles(mux)
	mydebug.Metrics(mux)
	return http.ListenAndServe(addr, mux) // no diagnostic: debug helpers of the package and the module
}

// The application's handlers on the same mux: still reported.

func debuggerAndAPI(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mydebug.Debugger(mux)
	mux.Handle("/", api)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func statusMuxAndAPI(addr string, api http.Handler) error {
	mux := mydebug.StatusMux()
	mux.Handle("/api/", api)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func routesHelper(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mydebug.Metrics(mux)
	mydebug.Routes(mux, api)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func exposed(addr string) error {
	mux := http.NewServeMux()
	mydebug.Expose(mux)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func lookedUp(addr string) error {
	mux := http.NewServeMux()
	mydebug.Index(mux).Handle("y", "the y page", http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	mydebug.Index(mux)
	return http.ListenAndServe(addr, mux) // no diagnostic: the helper looks the index up before registering it
}

func lookedUpHome(addr string, home http.Handler) error {
	mux := http.NewServeMux()
	mydebug.Index(mux)
	mydebug.IndexOrHome(mux, home)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// The server is made outside the goroutine that starts it.

func serverInGoroutine(ln net.Listener) {
	mux := http.NewServeMux()
	mydebug.Debugger(mux)
	srv := &http.Server{Handler: mux}
	go func() {
		_ = srv.Serve(ln) // no diagnostic: debug helpers only, the server made outside the closure
	}()
}

func handlerSetInGoroutine(ln net.Listener, api http.Handler) {
	mux := http.NewServeMux()
	mydebug.Debugger(mux)
	srv := &http.Server{Handler: mux}
	go func() {
		srv.Handler = api
		_ = srv.Serve(ln) // want `\(\*http.Server\).Serve starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
	}()
}

// An index page of constant text beside the debug helper's routes.

func indexMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<h1>app</h1><a href=/debug/>debug</a>")
	})
	mux.Handle("/healthz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("ok\n"))
	}))
	mydebug.Debugger(mux)
	return mux
}

func indexPage(addr string) error {
	return http.ListenAndServe(addr, indexMux()) // no diagnostic: a page of constant text and the debug helper's routes
}

// A page of constant text alone is an application, not a debug listener;
// a page that writes what the request says is one too.

func constantOnly(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello")
	})
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func echoPage(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.URL.Path)
	})
	mydebug.Debugger(mux)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
