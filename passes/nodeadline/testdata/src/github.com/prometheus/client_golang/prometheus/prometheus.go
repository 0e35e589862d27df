// Package prometheus is a stub of prometheus's client library.
package prometheus

// Gatherer gathers metrics.
type Gatherer interface{ Gather() error }

// Registerer registers collectors.
type Registerer interface{ Register(any) error }
