// Package loopbackurls sends requests to the machine itself, whose peer
// is no stranger (not reported), beside their nearest look-alikes, which
// reach other machines (reported).
package loopbackurls

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
)

const health = "http://127.0.0.1:8080/health"

func healthy(port string) bool {
	resp, err := http.Get("http://127.0.0.1:" + port + "/health") // no diagnostic: a loopback literal host, a process of the same machine
	if err != nil {
		return false
	}
	resp.Body.Close()
	return true
}

func sprintfLocalhost(port int) error {
	resp, err := http.Get(fmt.Sprintf("http://localhost:%d/ready", port)) // no diagnostic: fmt.Sprintf of a literal loopback host
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func constURL() error {
	resp, err := http.Head(health) // no diagnostic: a constant loopback URL
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ipv6(port int) error {
	c := &http.Client{}
	resp, err := c.Get("http://[::1]:" + strconv.Itoa(port) + "/") // no diagnostic: the IPv6 loopback address
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func doLocal(port string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://localhost:"+port+"/metrics", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the request goes to a loopback host
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func droppedLocal(ctx context.Context, port string) error {
	req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1:"+port+"/", nil) // no diagnostic: the request goes to a loopback host
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: the request goes to a loopback host
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- the nearest look-alikes: another machine is at the other end

func userinfo(port string) error {
	resp, err := http.Get("http://localhost:80@" + port + "/") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func hostGoesOn(suffix string) error {
	resp, err := http.Get("http://localhost" + suffix) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func subdomain(port int) error {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1.nip.io:%d/", port)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func hostFromCaller(host string) error {
	resp, err := http.Get("http://" + host + ":8080/health") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- fmt.Sprintf given the host (from fresh16's Envoy Gateway shutdown
// manager, calling its own Envoy's admin API)

const adminPort = 19000

func postAdmin(path string) error {
	resp, err := http.Post(fmt.Sprintf("http://%s:%d/%s", "localhost", adminPort, path), "application/json", nil) // no diagnostic: the host argument is a loopback literal
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func statsOf(port int, filter string) error {
	resp, err := http.Get(fmt.Sprintf("http://%s//stats?filter=%s", net.JoinHostPort("localhost", strconv.Itoa(port)), filter)) // no diagnostic: a loopback host joined to the port
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func hostArgument(host string, port int) error {
	resp, err := http.Get(fmt.Sprintf("http://%s:%d/", host, port)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func userinfoArgument(port int) error {
	resp, err := http.Get(fmt.Sprintf("http://%s@example.com:%d/", "localhost", port)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func hostGoesOnArgument(suffix string) error {
	resp, err := http.Get(fmt.Sprintf("http://%s%s/", "localhost", suffix)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
