package fiximports

import "crypto/tls"

func twoImports(addr string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, nil) // want `tls.Dial connects and shakes hands with no timeout`
}
