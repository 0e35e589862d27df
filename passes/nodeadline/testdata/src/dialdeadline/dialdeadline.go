// Package dialdeadline sends requests through transports whose dial
// function sets a deadline on every connection it returns (not reported:
// no read of the response outlasts it), beside dial functions that leave
// some connection without one (reported).
package dialdeadline

import (
	"context"
	"net"
	"net/http"
	"time"
)

const timeout = 10 * time.Second

func ping(sock string) error {
	client := http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				con, err := net.DialTimeout("unix", sock, timeout)
				if err != nil {
					return nil, err
				}
				if err := con.SetDeadline(time.Now().Add(timeout)); err != nil {
					return nil, err
				}
				return con, nil
			},
		},
	}
	resp, err := client.Get("http://host/_ping") // no diagnostic: every connection has a deadline
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func readDeadline(conn net.Conn) (net.Conn, error) {
	if err := conn.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func dialBounded(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	c.SetReadDeadline(time.Now().Add(timeout))
	return c, nil
}

func named(url string) error {
	client := &http.Client{Transport: &http.Transport{DialContext: dialBounded}}
	resp, err := client.Get(url) // no diagnostic: the named dial function sets a read deadline on each connection
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- look-alikes: some connection has no deadline

func dialSometimes(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if network == "unix" {
		c.SetDeadline(time.Now().Add(timeout))
	}
	return c, nil // the deadline is set on one path only
}

func sometimes(url string) error {
	client := &http.Client{Transport: &http.Transport{DialContext: dialSometimes}}
	resp, err := client.Get(url) // want `\(\*http.Client\).Get sends a request with no context through client`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func dialWrite(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	c.SetWriteDeadline(time.Now().Add(timeout)) // the response's reads are not bounded
	return c, nil
}

func writeOnly(url string) error {
	client := &http.Client{Transport: &http.Transport{DialContext: dialWrite}}
	resp, err := client.Get(url) // want `\(\*http.Client\).Get sends a request with no context through client`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var _ = readDeadline
