// Package monitoringaddr starts servers whose address the program names
// for monitoring: a field, a variable or a flag called metrics,
// monitoring, prometheus, pprof, profiling or debug on the way to the
// address or the listener (from fresh15's Weaviate, whose monitoring
// port serves /metrics beside one handler of its own). They are the
// operator's ports, which issue 14 counts among the listeners no report
// of a missing timeout is worth a reviewer's time on. Addresses named
// otherwise (the API's, a health port, an admin or stats port, a name
// that only contains such a word) stay reported.
package monitoringaddr

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"strconv"
)

type MonitoringConfig struct {
	Enabled bool
	Port    int
}

type APIConfig struct {
	Port int
}

type Config struct {
	Monitoring        MonitoringConfig
	API               APIConfig
	PprofAddr         string
	MetricsListen     string
	HealthAddr        string
	AdminAddr         string
	StatsAddr         string
	ProfilesAddr      string
	ListenMetricsURLs []string
}

func (c *Config) MetricsAddress() string { return c.MetricsListen }

func (c *Config) APIAddress() string { return fmt.Sprintf(":%d", c.API.Port) }

type State struct {
	Config *Config
	Tenant http.Handler
}

// ServeMonitoring is the Weaviate shape: promhttp's handler and one of
// the application's own, on the port the configuration calls
// monitoring.
func ServeMonitoring(st *State, metrics http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", metrics)
	mux.Handle("/tenant-activity", st.Tenant)
	http.ListenAndServe(fmt.Sprintf(":%d", st.Config.Monitoring.Port), mux) // no diagnostic: the monitoring port, by its name
}

func ServePprof(cfg *Config, h http.Handler) error {
	srv := &http.Server{Addr: cfg.PprofAddr, Handler: h}
	return srv.ListenAndServe() // no diagnostic: the pprof address, by its name
}

func ServeMetricsListener(cfg Config, h http.Handler) error {
	l, err := net.Listen("tcp", cfg.MetricsListen)
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: a listener on the metrics address
}

func ServeGetter(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(cfg.MetricsAddress(), h) // no diagnostic: the getter names the metrics address
}

func ServeMetricsURLs(cfg *Config, h http.Handler) {
	for _, u := range cfg.ListenMetricsURLs {
		go http.ListenAndServe(u, h) // no diagnostic: one of the metrics URLs
	}
}

func ServePort(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(net.JoinHostPort("", strconv.Itoa(cfg.Monitoring.Port)), h) // no diagnostic: the monitoring port, joined
}

var debugAddr string

var profilingAddr = flag.String("profiling-addr", ":6060", "where to serve pprof")

func init() {
	flag.StringVar(&debugAddr, "debug-listen", ":8081", "the debug listener")
}

func ServeDebugVar(h http.Handler) error {
	return http.ListenAndServe(debugAddr, h) // no diagnostic: the variable names the debug address
}

func ServeProfilingFlag(h http.Handler) error {
	return http.ListenAndServe(*profilingAddr, h) // no diagnostic: the flag names the profiling address
}

func ServeMetricsFlag(h http.Handler) error {
	addr := flag.String("metrics-bind-address", ":8080", "")
	flag.Parse()
	return http.ListenAndServe(*addr, h) // no diagnostic: the flag's name says metrics
}

func ServeAPI(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(fmt.Sprintf(":%d", cfg.API.Port), h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func ServeAPIGetter(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(cfg.APIAddress(), h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func ServeHealth(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(cfg.HealthAddr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func ServeAdmin(cfg *Config, h http.Handler) error {
	srv := &http.Server{Addr: cfg.AdminAddr, Handler: h}
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv, which sets neither ReadHeaderTimeout nor ReadTimeout`
}

func ServeStats(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(cfg.StatsAddr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func ServeProfiles(cfg *Config, h http.Handler) error {
	return http.ListenAndServe(cfg.ProfilesAddr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// ServeFallback listens on the metrics address when one is configured,
// else on the API's: the one server may be the API's.
func ServeFallback(cfg *Config, h http.Handler) error {
	addr := cfg.MetricsListen
	if addr == "" {
		addr = cfg.APIAddress()
	}
	return http.ListenAndServe(addr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

// ServeDefaulted listens on the metrics address, or on a constant
// default when none is configured: still the metrics port.
func ServeDefaulted(cfg *Config, h http.Handler) error {
	addr := cfg.MetricsListen
	if addr == "" {
		addr = ":9090"
	}
	return http.ListenAndServe(addr, h) // no diagnostic: the metrics address or its default
}

// ServeAPIFlag listens where a flag named for the API says.
func ServeAPIFlag(h http.Handler) error {
	addr := flag.String("api-listen", ":8080", "")
	flag.Parse()
	return http.ListenAndServe(*addr, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func createMetricsListener(u string) (net.Listener, error) { return net.Listen("tcp", u) }

// ServeMetricsURL serves on a listener a function named for metrics
// makes (etcd's --listen-metrics-urls).
func ServeMetricsURL(u string, h http.Handler) error {
	l, err := createMetricsListener(u)
	if err != nil {
		return err
	}
	return http.Serve(l, h) // no diagnostic: the listener createMetricsListener makes
}

type countingListener struct{ net.Listener }

func withMetricsListener(l net.Listener) net.Listener { return countingListener{l} }

// ServeCounted serves the API on its own listener wrapped to count its
// connections: the wrapper's name says metrics, the listener is the
// API's.
func ServeCounted(cfg *Config, h http.Handler) error {
	l, err := net.Listen("tcp", cfg.APIAddress())
	if err != nil {
		return err
	}
	return http.Serve(withMetricsListener(l), h) // want `http.Serve starts a server that cannot have timeouts`
}

// ServeMetricsStarted hands the serving to a starter in a closure that
// captures the metrics listener (etcd's embed.Etcd).
func ServeMetricsStarted(urls []string, h http.Handler, start func(func() error)) error {
	for _, u := range urls {
		ml, err := createMetricsListener(u)
		if err != nil {
			return err
		}
		start(func() error {
			return http.Serve(ml, h) // no diagnostic: the captured listener createMetricsListener made
		})
	}
	return nil
}

// ServeAPIStarted is the same with the API's listener.
func ServeAPIStarted(cfg *Config, h http.Handler, start func(func() error)) error {
	l, err := net.Listen("tcp", cfg.APIAddress())
	if err != nil {
		return err
	}
	start(func() error {
		return http.Serve(l, h) // want `http.Serve starts a server that cannot have timeouts`
	})
	return nil
}
