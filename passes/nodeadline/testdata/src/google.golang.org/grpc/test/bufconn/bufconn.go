// Package bufconn is a stub of grpc's in-memory listener.
package bufconn

import "net"

type Listener struct{ net.Listener }

func Listen(sz int) *Listener { return &Listener{} }
