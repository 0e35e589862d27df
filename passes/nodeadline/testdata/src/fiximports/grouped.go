package fiximports

import (
	"net/http"

	"example.com/netutil"
)

func grouped() error {
	srv := &http.Server{Addr: ":8080"}
	_ = netutil.NewTimedClient()
	return srv.ListenAndServe() // want `\(\*http.Server\).ListenAndServe starts srv`
}
