// want package:"registers other handlers on http.DefaultServeMux"

package fiximports

import (
	"net/http"
	stdtime "time"
)

var startup = stdtime.Now()

func aliased(h http.Handler) error {
	return http.ListenAndServe(":80", h) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
