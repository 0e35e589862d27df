// Package proxy is a stub of golang.org/x/net/proxy: the API shapes the
// tests need.
package proxy

import (
	"context"
	"net"
	"net/url"
)

// A Dialer is a means to establish a connection.
type Dialer interface {
	Dial(network, addr string) (c net.Conn, err error)
}

// A ContextDialer dials using a context.
type ContextDialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// Auth contains authentication parameters.
type Auth struct{ User, Password string }

type direct struct{}

// Direct implements Dialer by making network connections directly using net.Dial.
var Direct = direct{}

func (direct) Dial(network, addr string) (net.Conn, error) { return net.Dial(network, addr) }

func (direct) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

// FromURL returns a Dialer given a URL specification and an underlying
// Dialer for it to make network requests.
func FromURL(u *url.URL, forward Dialer) (Dialer, error) { return forward, nil }

// SOCKS5 returns a Dialer that makes SOCKSv5 connections to the given address.
func SOCKS5(network, address string, auth *Auth, forward Dialer) (Dialer, error) { return forward, nil }

// FromEnvironment returns the dialer specified by the proxy-related
// variables in the environment, or Direct.
func FromEnvironment() Dialer { return Direct }

// Dial works like DialContext on net.Dialer but using a dialer returned by FromEnvironment.
func Dial(ctx context.Context, network, address string) (net.Conn, error) { return nil, nil }
