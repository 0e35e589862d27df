// Package cobracmd keeps its code in function literals of package-level
// variables, as cobra CLIs do.
package cobracmd

import (
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

var fetchCmd = &cobra.Command{
	Use: "fetch",
	RunE: func(cmd *cobra.Command, args []string) error {
		resp, err := http.Get(args[0]) // want `http.Get sends a request with no context through http.DefaultClient`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	},
}

var fetch = func(url string) error {
	resp, err := http.Get(url) // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var fetchTimeout = func(url string) error {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url) // no diagnostic: the client has a Timeout
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
