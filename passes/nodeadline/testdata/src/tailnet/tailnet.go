// Package tailnet serves on listeners of a tailnet (tailscale.com/tsnet):
// only the devices its owner admitted connect, except through Funnel,
// which takes connections from the internet.
package tailnet

import (
	"crypto/tls"
	"net"
	"net/http"

	"tailscale.com/tsnet"
)

func proxy(ts *tsnet.Server, h http.Handler, useTLS bool, conf *tls.Config) error {
	var ln net.Listener
	var err error
	if useTLS {
		ln, err = ts.Listen("tcp", ":443")
		ln = tls.NewListener(ln, conf)
	} else {
		ln, err = ts.Listen("tcp", ":80")
	}
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // no diagnostic: a tailnet listener on either branch, only admitted devices connect
}

func serveTLS(ts *tsnet.Server, h http.Handler) error {
	ln, err := ts.ListenTLS("tcp", ":443")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(ln) // no diagnostic: a tailnet listener
}

func funnel(ts *tsnet.Server, h http.Handler) error {
	ln, err := ts.ListenFunnel("tcp", ":443")
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve starts a server that cannot have timeouts`
}

func tailnetOrPublic(ts *tsnet.Server, h http.Handler, public bool) error {
	var ln net.Listener
	var err error
	if public {
		ln, err = net.Listen("tcp", ":8080")
	} else {
		ln, err = ts.Listen("tcp", ":80")
	}
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve starts a server that cannot have timeouts`
}
