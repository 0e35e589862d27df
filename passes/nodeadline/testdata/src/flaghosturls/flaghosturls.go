// Package flaghosturls is a CLI whose subcommands talk to the program's
// own daemon at a host read from a flag by name, defined with a loopback
// default (not reported: the peer is a process of this machine unless
// the operator says otherwise), beside look-alikes whose host can be any
// machine by default (reported).
package flaghosturls

import (
	"fmt"
	"net/http"

	"github.com/spf13/cobra"
)

const (
	addressFlag = "http-address"
	portFlag    = "http-port"
	remoteFlag  = "server"
)

func newRoot() *cobra.Command {
	root := &cobra.Command{Use: "daemonctl"}
	var addr, port, remote string
	root.PersistentFlags().StringVar(&addr, addressFlag, "localhost", "address of the daemon's HTTP server")
	root.PersistentFlags().StringVar(&port, portFlag, "9090", "port of the daemon's HTTP server")
	root.PersistentFlags().StringVar(&remote, remoteFlag, "api.example.com", "the service")
	root.PersistentFlags().String("admin-address", "127.0.0.1", "address of the admin server")
	root.Flags().StringP("listen", "l", "127.0.0.1:9090", "where the status server listens")
	root.Flags().String("public-listen", ":8080", "where the API server listens")
	root.AddCommand(&cobra.Command{Use: "wait", RunE: runWait}, &cobra.Command{Use: "push", RunE: runPush})
	return root
}

func runWait(c *cobra.Command, _ []string) error {
	a, _ := c.Flags().GetString(addressFlag)
	p, _ := c.Flags().GetString(portFlag)
	resp, err := http.Get(fmt.Sprintf("http://%v:%v/startup", a, p)) // no diagnostic: the flag's default host is localhost, the program's own daemon
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func runAdmin(c *cobra.Command, _ []string) error {
	a, _ := c.Flags().GetString("admin-address")
	resp, err := http.Get(fmt.Sprintf("https://%s/quit", a)) // no diagnostic: the flag's default host is 127.0.0.1
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func serveStatus(c *cobra.Command, h http.Handler) error {
	l, _ := c.Flags().GetString("listen")
	return http.ListenAndServe(l, h) // no diagnostic: the flag's default address is on loopback
}

// ---- look-alikes: the host can be any machine by default

func servePublic(c *cobra.Command, h http.Handler) error {
	l, _ := c.Flags().GetString("public-listen")
	return http.ListenAndServe(l, h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}

func runPush(c *cobra.Command, _ []string) error {
	a, _ := c.Flags().GetString(remoteFlag)
	resp, err := http.Get(fmt.Sprintf("https://%s/push", a)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func runUndefined(c *cobra.Command, _ []string) error {
	a, _ := c.Flags().GetString("endpoint")             // defined in no file of the package: its default is not known
	resp, err := http.Get(fmt.Sprintf("http://%s/", a)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func runHostPrefix(c *cobra.Command, _ []string) error {
	a, _ := c.Flags().GetString(addressFlag)
	resp, err := http.Get(fmt.Sprintf("http://%s.example.com/", a)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func runHostSecond(c *cobra.Command, host string) error {
	a, _ := c.Flags().GetString(addressFlag)
	resp, err := http.Get(fmt.Sprintf("http://%s/%s", host, a)) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
