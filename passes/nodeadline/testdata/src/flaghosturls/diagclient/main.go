// Command diagclient queries the diagnostic server of the local daemon,
// at a host read from a flag.String whose default is loopback (the
// operator may point it elsewhere): not reported. A look-alike whose
// default host is any machine is reported.
package main

import (
	"flag"
	"fmt"
	"net/http"
)

const readyPath = "http://%s:%d/ready"

func main() {
	ip := flag.String("ip", "127.0.0.1", "ip address of the daemon")
	port := flag.Int("port", 2000, "port")
	remote := flag.String("remote", "diag.example.com", "the remote service")
	flag.Parse()
	resp, err := http.Get(fmt.Sprintf(readyPath, *ip, *port)) // no diagnostic: the daemon on this machine unless the operator says otherwise
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get(fmt.Sprintf("http://%s:%d/ready", *remote, *port)) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout`
	if err == nil {
		resp.Body.Close()
	}
	fetchPeers(*ip, *port, flag.Arg(0))
	fetchFrom(*remote, *port)
}

const (
	clusterPeers = "http://%s:%d/clusterpeers"
	networkPeers = "http://%s:%d/networkpeers?nid=%s"
)

// fetchPeers is given the daemon's host by main, its only caller, and
// picks one of two URLs on it.
func fetchPeers(ip string, port int, network string) {
	var path string
	if network != "" {
		path = fmt.Sprintf(networkPeers, ip, port, network)
	} else {
		path = fmt.Sprintf(clusterPeers, ip, port)
	}
	resp, err := http.Get(path) // no diagnostic: every caller passes the loopback-defaulted flag
	if err == nil {
		resp.Body.Close()
	}
}

// fetchFrom is given a host that can be any machine.
func fetchFrom(host string, port int) {
	resp, err := http.Get(fmt.Sprintf(clusterPeers, host, port)) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout`
	if err == nil {
		resp.Body.Close()
	}
}
