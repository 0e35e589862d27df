// Command hammer sends requests to a URL read from a flag whose default
// is a loopback URL, with a path concatenated to it (from fresh16's CT
// submission hammer, aimed at the developer's own proxy unless its
// operator says otherwise): not reported. Look-alikes whose default is
// another machine, whose host goes on past the default, or whose flag the
// program sets, are reported.
package main

import (
	"bytes"
	"flag"
	"net/http"
)

var (
	proxyEndpoint = flag.String("proxy_endpoint", "http://localhost:5951/", "the proxy's base URL")
	bareHost      = flag.String("bare", "http://localhost", "a base URL whose host goes on in a suffix")
	remote        = flag.String("remote", "https://ct.example.com/", "the log")
	overridden    = flag.String("overridden", "http://127.0.0.1:8080/", "set from the environment below")
)

func main() {
	flag.Parse()
	*overridden = "https://" + flag.Arg(0) + "/"
	body := []byte("{}")
	resp, err := http.Post(*proxyEndpoint+"ct/v1/proxy/add-pre-chain/", "application/json", bytes.NewReader(body)) // no diagnostic: the flag's default is a loopback URL
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get(*proxyEndpoint) // no diagnostic: the flag's default is a loopback URL
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get(*bareHost + ".example.com/") // want `http.Get sends a request with no context through http.DefaultClient`
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get(*remote + "ct/v1/get-sth") // want `http.Get sends a request with no context through http.DefaultClient`
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get(*overridden + "status") // want `http.Get sends a request with no context through http.DefaultClient`
	if err == nil {
		resp.Body.Close()
	}
}
