// Package tsnet is a stub of tailscale.com/tsnet: a program that joins a
// tailnet and listens on it.
package tsnet

import "net"

// Server is a node of a tailnet.
type Server struct{ Hostname string }

// Listen listens on the tailnet.
func (s *Server) Listen(network, addr string) (net.Listener, error) { return nil, nil }

// ListenTLS listens on the tailnet with TLS.
func (s *Server) ListenTLS(network, addr string) (net.Listener, error) { return nil, nil }

// FunnelOption configures ListenFunnel.
type FunnelOption interface{}

// ListenFunnel listens on the tailnet and on the public internet.
func (s *Server) ListenFunnel(network, addr string, opts ...FunnelOption) (net.Listener, error) {
	return nil, nil
}
