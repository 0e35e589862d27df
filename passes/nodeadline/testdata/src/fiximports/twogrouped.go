package fiximports

import (
	"crypto/tls"
	"log"
)

func twoGrouped(addr string) *tls.Conn {
	c, err := tls.Dial("tcp", addr, &tls.Config{}) // want `tls.Dial connects and shakes hands with no timeout`
	if err != nil {
		log.Fatal(err)
	}
	return c
}
