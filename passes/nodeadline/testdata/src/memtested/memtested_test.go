package memtested

import (
	"net"
	"net/http"
	"testing"
)

func TestHandOver(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := Start(http.NotFoundHandler())
	go func() {
		c, err := ln.Accept()
		if err == nil {
			s.handleConn(c)
		}
	}()
}
