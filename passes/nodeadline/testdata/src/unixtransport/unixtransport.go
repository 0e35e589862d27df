// Package unixtransport holds clients whose transport connects only to a
// Unix socket or a loopback address (a local daemon's API socket), which
// no stranger answers, and look-alikes that may reach the network.
package unixtransport

import (
	"context"
	"net"
	"net/http"
	"time"
)

const sock = "/var/run/app.sock"

// dockerLike is a client of a local daemon's socket, as the Docker and
// Podman clients are: no diagnostic, the peer is a process of this
// machine.
func dockerLike() error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", sock)
		},
	}}
	resp, err := c.Get("http://unix/info") // no diagnostic: the transport dials only the daemon's socket
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func dialSocket(_ context.Context, _, _ string) (net.Conn, error) {
	return net.Dial("unix", sock)
}

// named stores a named dial function, set after the transport is made:
// no diagnostic.
func named() error {
	tr := &http.Transport{}
	tr.DialContext = dialSocket
	c := &http.Client{Transport: tr}
	resp, err := c.Get("http://d/x") // no diagnostic: a named dial function of a Unix socket
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// unixAddr dials with net.DialUnix: no diagnostic.
func unixAddr(path string) error {
	c := &http.Client{Transport: &http.Transport{
		Dial: func(_, _ string) (net.Conn, error) {
			return net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
		},
	}}
	resp, err := c.Get("http://d/x") // no diagnostic: net.DialUnix
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// loopbackPort dials a loopback port whatever the URL says: no
// diagnostic.
func loopbackPort() error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return net.DialTimeout("tcp", "127.0.0.1:2375", time.Second)
		},
	}}
	resp, err := c.Get("http://docker/version") // no diagnostic: the dial goes to a loopback port
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// passedOn dials what the request names, over TCP: reported.
func passedOn() error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}}
	resp, err := c.Get("http://example.com/") // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// eitherWay dials the socket only when one is configured, a TCP address
// otherwise: reported.
func eitherWay(socket, addr string) error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			if socket != "" {
				return net.Dial("unix", socket)
			}
			return net.Dial("tcp", addr) // want `net.Dial connects with no timeout`
		},
	}}
	resp, err := c.Get("http://d/x") // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// chosenNetwork dials a network its caller chooses: reported.
func chosenNetwork(network, addr string) error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return net.Dial(network, addr)
		},
	}}
	resp, err := c.Get("http://d/x") // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// wrapped returns a connection it wraps, which the table cannot read:
// reported.
func wrapped() error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			conn, err := net.Dial("unix", sock)
			if err != nil {
				return nil, err
			}
			return counting{conn}, nil
		},
	}}
	resp, err := c.Get("http://d/x") // want `\(\*http.Client\).Get sends a request with no context through c, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type counting struct{ net.Conn }
