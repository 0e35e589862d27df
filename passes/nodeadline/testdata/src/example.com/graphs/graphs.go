// Package graphs registers pages of its own on a mux.
package graphs

import "net/http"

func Register(mux *http.ServeMux, root string) {
	mux.Handle(root, http.NotFoundHandler())
}
