// Package fake is a fake backend a program may run in a demo mode.
package fake // want "role: test utility"

// Backend is a fake backend.
type Backend struct{}
