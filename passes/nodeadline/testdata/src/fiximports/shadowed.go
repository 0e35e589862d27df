package fiximports

import (
	"net"
	"net/http"
)

func shadowed(url string) error {
	time := 3 // no fix below: time is a local variable here
	_ = time
	resp, err := http.Get(url) // want `http.Get sends a request`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func netShadowed(addr string) error {
	conn, err := net.Dial("tcp", addr) // want `net.Dial connects with no timeout`
	if err != nil {
		return err
	}
	return conn.Close()
}
