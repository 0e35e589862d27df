// Package dials holds dialing cases: TCP and TLS connections opened with
// no timeout, and the dials that have one or cannot wait.
package dials

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

func dial(addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net.Dial connects with no timeout; an address that does not answer blocks it until the operating system gives up, minutes later \(use net.DialTimeout, or a net.Dialer with a Timeout\)`
}

func dial4(addr string) (net.Conn, error) {
	const network = "tcp4"
	return net.Dial(network, addr) // want `net.Dial connects with no timeout`
}

func dialTCP(raddr *net.TCPAddr) (*net.TCPConn, error) {
	return net.DialTCP("tcp", nil, raddr) // want `net.DialTCP connects with no timeout`
}

func tlsDial(addr string, conf *tls.Config) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, conf) // want `tls.Dial connects and shakes hands with no timeout; a peer that accepts the connection and stays silent blocks it forever \(use tls.DialWithDialer with a net.Dialer that has a Timeout\)`
}

func tlsDialUnix(sock string) (*tls.Conn, error) {
	return tls.Dial("unix", sock, nil) // no diagnostic: a Unix socket's peer is a process of the same machine, no stranger
}

func dialerDial(addr string) (net.Conn, error) {
	d := &net.Dialer{KeepAlive: time.Minute}
	return d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial connects with no timeout: d sets neither Timeout nor Deadline`
}

func tlsWithDialer(addr string) (*tls.Conn, error) {
	d := &net.Dialer{}
	return tls.DialWithDialer(d, "tcp", addr, nil) // want `tls.DialWithDialer connects and shakes hands with no timeout: d sets neither Timeout nor Deadline`
}

func tlsDialer(addr string) (net.Conn, error) {
	d := &tls.Dialer{Config: &tls.Config{}}
	return d.Dial("tcp", addr) // want `\(\*tls.Dialer\).Dial connects and shakes hands with no timeout: d has no NetDialer with a Timeout`
}

func tlsDialerUntimedNet(addr string) (net.Conn, error) {
	d := &tls.Dialer{NetDialer: &net.Dialer{}}
	return d.Dial("tcp", addr) // want `\(\*tls.Dialer\).Dial connects and shakes hands with no timeout`
}

// ---- dials that are bounded, or cannot wait

func dialTimeout(addr string) (net.Conn, error) {
	return net.DialTimeout("tcp", addr, 5*time.Second) // no diagnostic: a timeout
}

func dialerTimeout(addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	return d.Dial("tcp", addr) // no diagnostic: the dialer has a Timeout
}

func dialerDeadline(addr string) (net.Conn, error) {
	d := net.Dialer{}
	d.Deadline = time.Now().Add(time.Minute)
	return d.Dial("tcp", addr) // no diagnostic: the dialer has a Deadline
}

func dialContextParam(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr) // no diagnostic: the caller's context may have a deadline
}

func dialUnix(sock string) (net.Conn, error) {
	return net.Dial("unix", sock) // no diagnostic: connecting a Unix socket succeeds or fails at once
}

func dialUnixAddr(raddr *net.UnixAddr) (*net.UnixConn, error) {
	return net.DialUnix("unix", nil, raddr) // no diagnostic: connecting a Unix socket succeeds or fails at once
}

func dialUDP(addr string) (net.Conn, error) {
	return net.Dial("udp", addr) // no diagnostic: a UDP dial sends nothing and waits for no one
}

func dialNetwork(network, addr string) (net.Conn, error) {
	return net.Dial(network, addr) // no diagnostic: the network is not known (it may be a Unix socket)
}

func tlsTimedDialer(addr string) (*tls.Conn, error) {
	return tls.DialWithDialer(&net.Dialer{Timeout: time.Minute}, "tcp", addr, nil) // no diagnostic: the dialer has a Timeout
}

func tlsDialerTimedNet(addr string) (net.Conn, error) {
	d := &tls.Dialer{NetDialer: &net.Dialer{Timeout: time.Minute}}
	return d.Dial("tcp", addr) // no diagnostic: the net dialer has a Timeout
}

func listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr) // no diagnostic: accepting is not a call to a peer
}

func dialerParam(d *net.Dialer, addr string) (net.Conn, error) {
	return d.Dial("tcp", addr) // no diagnostic: the caller's dialer may have a Timeout
}
