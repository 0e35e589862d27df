// want package:"registers debug handlers on http.DefaultServeMux"

// Package cfgdebug is a library that starts a debug listener on the
// DefaultServeMux when its configuration names an address, with the
// profiles of net/http/pprof and the metrics handler of a third-party
// package at a path the configuration chooses.
package cfgdebug

import (
	"log"
	"net/http"
	_ "net/http/pprof"

	metrics "github.com/docker/go-metrics"
)

type Config struct {
	DebugAddr   string
	MetricsPath string
}

func Start(cfg Config) {
	if cfg.DebugAddr != "" {
		go func(addr string) {
			if err := http.ListenAndServe(addr, nil); err != nil { // no diagnostic: pprof and a metrics handler only
				log.Fatal(err)
			}
		}(cfg.DebugAddr)
		configureMetrics(cfg)
	}
}

func configureMetrics(cfg Config) {
	path := cfg.MetricsPath
	if path == "" {
		path = "/metrics"
	}
	http.Handle(path, metrics.Handler())
}
