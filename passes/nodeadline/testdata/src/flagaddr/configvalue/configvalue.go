// Command configvalue reads a -config file whose lines set other flags
// through flag.Set, in the Set method of its flag.Value: the file may
// move the address off loopback, so the flag's default says nothing.
package main

import (
	"bufio"
	"flag"
	"net/http"
	"os"
	"strings"
)

type configFile struct{ path string }

func (c *configFile) String() string { return c.path }

func (c *configFile) Set(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			flag.Set(k, v)
		}
	}
	return sc.Err()
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Var(&configFile{}, "config", "file of name=value lines")
	flag.Parse()
	http.ListenAndServe(*addr, http.NotFoundHandler()) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
