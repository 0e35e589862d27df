// Package activation is a stub of go-systemd's socket activation: the
// listeners systemd opened for the service, on the addresses its socket
// unit names.
package activation

import "net"

// Listeners returns the sockets systemd passed to the process.
func Listeners() ([]net.Listener, error) { return nil, nil }
