// Package vnet is a virtual network for the module's integration tests.
package vnet // want "role: test utility"

// Net is a virtual network.
type Net struct{}

// New returns a network.
func New() *Net { return &Net{} }
