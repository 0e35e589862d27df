// Package connects holds plain TCP connects with no timeout, which the
// kernel bounds (the opt-in category dial-connect), dials that also shake
// hands with no bound (dial-timeout, on by default), and dials of the
// machine itself, which no stranger answers (not reported).
package connects

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"strconv"
	"time"
)

// ---- dial-connect: the kernel gives up on a silent address

func plain(addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net.Dial connects with no timeout; an address that does not answer blocks it until the operating system gives up`
}

func zeroDialer(addr string) (net.Conn, error) {
	var d net.Dialer
	return d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial connects with no timeout: d sets neither Timeout nor Deadline`
}

func background(addr string) (net.Conn, error) {
	d := &net.Dialer{}
	return d.DialContext(context.Background(), "tcp", addr) // want `\(\*net.Dialer\).DialContext connects with context.Background\(\), which never ends, and d sets neither Timeout nor Deadline`
}

// connectThenDeadline connects with no timeout and bounds every read and
// write after: the connect is all that waits, and the kernel bounds it.
func connectThenDeadline(addr string) ([]byte, error) {
	conn, err := net.Dial("tcp", addr) // want `net.Dial connects with no timeout`
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 64)
	n, err := conn.Read(buf)
	return buf[:n], err
}

// ---- dial-timeout: a handshake nothing bounds

func tlsPlain(addr string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, nil) // want `tls.Dial connects and shakes hands with no timeout`
}

func tlsZeroDialer(addr string) (*tls.Conn, error) {
	return tls.DialWithDialer(&net.Dialer{}, "tcp", addr, nil) // want `tls.DialWithDialer connects and shakes hands with no timeout`
}

func tlsBackground(addr string) (net.Conn, error) {
	d := &tls.Dialer{}
	return d.DialContext(context.Background(), "tcp", addr) // want `\(\*tls.Dialer\).DialContext connects and shakes hands with context.Background\(\), which never ends`
}

// ---- the machine itself: no stranger at the other end

func loopbackLiteral() (net.Conn, error) {
	return net.Dial("tcp", "127.0.0.1:6379") // no diagnostic: a loopback address, a process of the same machine
}

func localhostPort(port int) (net.Conn, error) {
	return net.Dial("tcp", "localhost:"+strconv.Itoa(port)) // no diagnostic: a loopback host, completed with a port
}

func ipv6Loopback(port int) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(context.Background(), "tcp", fmt.Sprintf("[::1]:%d", port)) // no diagnostic: the IPv6 loopback address
}

func joinLoopback(port string) (*tls.Conn, error) {
	return tls.Dial("tcp", net.JoinHostPort("127.0.0.1", port), nil) // no diagnostic: a loopback address, even with a handshake
}

func unixSocket(path string) (net.Conn, error) {
	d := &net.Dialer{}
	return d.Dial("unix", path) // no diagnostic: a Unix socket
}

// ---- the nearest look-alikes of the machine itself: reported

func loopbackLookalike(port string) (net.Conn, error) {
	return net.Dial("tcp", "127.example.com:"+port) // want `net.Dial connects with no timeout`
}

func localhostPrefix(suffix string) (*tls.Conn, error) {
	return tls.Dial("tcp", "localhost"+suffix, nil) // want `tls.Dial connects and shakes hands with no timeout`
}

// A context that never ends is bounded at each call: two findings, even
// through one dialer.
var shared = &net.Dialer{}

func first(addr string) (net.Conn, error) {
	return shared.DialContext(context.Background(), "tcp", addr) // want `\(\*net.Dialer\).DialContext connects with context.Background\(\)`
}

func second(addr string) (net.Conn, error) {
	return shared.DialContext(context.TODO(), "tcp", addr) // want `\(\*net.Dialer\).DialContext connects with context.TODO\(\)`
}
