// Package proxydials dials through golang.org/x/net/proxy dialers, and
// with networks held in variables.
package proxydials

import (
	"context"
	"net"
	"net/url"
	"time"

	"golang.org/x/net/proxy"
)

func viaProxy(u *url.URL, addr string) (net.Conn, error) {
	d, err := proxy.FromURL(u, proxy.Direct)
	if err != nil {
		return nil, err
	}
	return d.Dial("tcp", addr) // want `\(proxy.Dialer\).Dial connects with no timeout: the proxy dialer reaches the network through proxy.Direct or a net.Dialer with no Timeout; an address that does not answer blocks it until the operating system gives up, minutes later \(give the proxy a forward net.Dialer with a Timeout, or dial with a context that has a deadline\)`
}

func viaSOCKS(addr string) (net.Conn, error) {
	d, err := proxy.SOCKS5("tcp", "localhost:1080", nil, &net.Dialer{KeepAlive: time.Minute})
	if err != nil {
		return nil, err
	}
	return d.Dial("tcp", addr) // want `\(proxy.Dialer\).Dial connects with no timeout`
}

func direct(addr string) (net.Conn, error) {
	return proxy.Direct.Dial("tcp", addr) // want `connects with no timeout: the proxy dialer reaches the network through proxy.Direct`
}

func fromEnv(addr string) (net.Conn, error) {
	return proxy.FromEnvironment().Dial("tcp", addr) // want `\(proxy.Dialer\).Dial connects with no timeout`
}

func viaProxyTimeout(u *url.URL, addr string) (net.Conn, error) {
	d, err := proxy.FromURL(u, &net.Dialer{Timeout: 10 * time.Second})
	if err != nil {
		return nil, err
	}
	return d.Dial("tcp", addr) // no diagnostic: the forward dialer has a Timeout
}

func viaProxyContext(ctx context.Context, u *url.URL, addr string) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return proxy.Dial(ctx, "tcp", addr) // no diagnostic: the context has a deadline
}

func viaGivenProxy(d proxy.Dialer, addr string) (net.Conn, error) {
	return d.Dial("tcp", addr) // no diagnostic: the caller's dialer may have a timeout
}

// ---- a network held in a variable

func dialEither(addr string, unix bool) (net.Conn, error) {
	network := "tcp"
	if unix {
		network = "unix"
	}
	return net.Dial(network, addr) // want `net.Dial connects with no timeout`
}

func dialLocal(addr string, packet bool) (net.Conn, error) {
	network := "unix"
	if packet {
		network = "unixgram"
	}
	return net.Dial(network, addr) // no diagnostic: the network is never TCP
}
