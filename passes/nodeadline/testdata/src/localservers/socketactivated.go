package localservers

import (
	"net/http"

	"github.com/coreos/go-systemd/activation"
)

// A listener systemd passes by socket activation listens where the
// socket unit says: a unix socket, or a TCP port on every interface
// (ListenStream=80). The address is the operator's with no default the
// program can show is local, as a flag with an empty default: reported.
func socketActivated(h http.Handler) error {
	listeners, err := activation.Listeners()
	if err != nil {
		return err
	}
	for _, ln := range listeners {
		go http.Serve(ln, h) // want `http.Serve starts a server that cannot have timeouts`
	}
	return nil
}
