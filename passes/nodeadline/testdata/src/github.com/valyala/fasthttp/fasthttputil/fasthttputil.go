// Package fasthttputil is a stub of fasthttp's in-memory listener.
package fasthttputil

import "net"

type InmemoryListener struct{ net.Listener }

func NewInmemoryListener() *InmemoryListener { return &InmemoryListener{} }
