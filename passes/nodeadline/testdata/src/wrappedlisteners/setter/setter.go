// Package setter sets the exported field of the kit's Listener.
package setter

import (
	"net"

	"wrappedlisteners/netx"
)

// Set makes w serve l.
func Set(w *netx.Listener, l net.Listener) { w.Listener = l }
