package relevance

import "testing"

// TestMonitoringName checks the words of identifiers and flag names by
// which a program names a monitoring address.
func TestMonitoringName(t *testing.T) {
	for name, want := range map[string]bool{
		"Monitoring":           true,
		"MetricsAddr":          true,
		"ListenMetricsURLs":    true,
		"listen-metrics-urls":  true,
		"HTTPDebugAddr":        true,
		"pprofAddr":            true,
		"prometheus.listen":    true,
		"grpcProxyMetricsAddr": true,
		"ProfilingPort":        true,
		"metric_port":          true,
		"Addr":                 false,
		"HealthAddr":           false,
		"StatusPort":           false,
		"AdminAddr":            false,
		"ProfilesAddr":         false,
		"metricsdb":            false,
		"DebuggerAddr":         false,
		"TelemetryAddr":        false,
	} {
		if got := monitoringName(name); got != want {
			t.Errorf("monitoringName(%q) = %v, want %v (words %q)", name, got, want, identWords(name))
		}
	}
}
