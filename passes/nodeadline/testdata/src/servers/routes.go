// want package:"registers other handlers on http.DefaultServeMux"

package servers

import "net/http"

// Routes registers the package's API on the DefaultServeMux: its
// servers with no handler serve it, so they are network servers
// (relevance.Servers.DefaultMuxDebug).
func Routes() { http.HandleFunc("/api/", hello) }
