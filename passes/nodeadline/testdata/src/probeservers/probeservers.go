// Package probeservers holds servers whose every route is a health probe
// (a Kubernetes liveness, readiness or startup probe, a health check) or
// metrics: the orchestrator's and the monitoring system's endpoints,
// which serve no data and take no input. Their missing timeouts are moot,
// as those of a metrics listener are; a probe route beside the API keeps
// the server reported.
package probeservers

import (
	"context"
	"fmt"
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type check struct{ ready bool }

func (c *check) live(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func (c *check) readiness(w http.ResponseWriter, r *http.Request) {
	if !c.ready {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func kubernetesProbes(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", c.live)
	mux.HandleFunc("/readyz", c.readiness)
	mux.HandleFunc("/livez", c.live)
	mux.Handle("/metrics", promhttp.Handler())
	srv := &http.Server{Addr: ":8080", Handler: mux}
	return srv.ListenAndServe() // no diagnostic: probes and metrics only
}

func probeWords(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/startup", c.readiness)
	mux.HandleFunc("/readiness", c.readiness)
	mux.HandleFunc("/liveness", c.live)
	mux.HandleFunc("GET /health/ready", c.readiness)
	return http.ListenAndServe(":9090", mux) // no diagnostic: probes only
}

func healthCheck(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", c.live)
	return http.ListenAndServe(":9090", mux) // no diagnostic: a health check only
}

// serve starts a server for its callers: each passes a mux of probes
// and metrics, or a loopback address.
func serve(ctx context.Context, addr string, mux *http.ServeMux) {
	srv := &http.Server{Addr: addr, Handler: mux}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	srv.ListenAndServe()
}

func startBoth(ctx context.Context, c *check, port string) {
	probes := http.NewServeMux()
	probes.HandleFunc("/readiness", c.readiness)
	probes.Handle("/metrics", promhttp.Handler())
	go serve(ctx, net.JoinHostPort("", port), probes) // no diagnostic: probes and metrics only

	admin := http.NewServeMux()
	admin.HandleFunc("/quitquitquit", c.live)
	go serve(ctx, net.JoinHostPort("localhost", port), admin) // no diagnostic: loopback
}

func apiWithProbes(c *check, api http.Handler) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", c.live)
	mux.Handle("/", api)
	return http.ListenAndServe(":8080", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func probeLikeAPI(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", c.live)
	mux.HandleFunc("/health-records", c.live) // an API of health records, not a probe
	return http.ListenAndServe(":8080", mux)  // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func liveStreams(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/live/", c.live)         // an HLS server's live streams: a subtree, not a probe
	return http.ListenAndServe(":8080", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func healthRecords(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/health/records/", c.live) // an API of health records
	mux.HandleFunc("/health/patients/", c.live)
	return http.ListenAndServe(":8080", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func pushMetrics(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /metrics/{job}", c.live) // ingestion, as a pushgateway's
	mux.Handle("GET /metrics", promhttp.Handler())
	return http.ListenAndServe(":9091", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func kubernetesSubtree(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz/", c.live) // the named checks under /healthz
	mux.HandleFunc("GET /readyz/{$}", c.readiness)
	mux.HandleFunc("HEAD /livez", c.live)
	return http.ListenAndServe(":8080", mux) // no diagnostic: probes only
}

func computedPush(c *check, job string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /metrics/"+job, c.live)
	mux.HandleFunc(fmt.Sprintf("PUT /metrics/%s", job), c.live)
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(":9091", mux) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func exactSlash(c *check) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health/{$}", c.live) // the exact path /health/
	return http.ListenAndServe(":8080", mux)  // no diagnostic: a health check only
}
