// Package statsviz is a stub of github.com/arl/statsviz.
package statsviz

import "net/http"

type Option func() error

func Root(path string) Option { return nil }

func Register(mux *http.ServeMux, opts ...Option) error {
	mux.Handle("/debug/statsviz/", http.NotFoundHandler())
	return nil
}
