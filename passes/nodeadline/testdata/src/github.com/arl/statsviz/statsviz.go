// Package statsviz is a stub of github.com/arl/statsviz: its routes
// hang off a root its options choose, which no summary reads.
package statsviz

import "net/http"

type Option func()

var root = "/debug/statsviz"

func Root(path string) Option { return func() { root = path } }

func Register(mux *http.ServeMux, opts ...Option) error {
	for _, o := range opts {
		o()
	}
	mux.Handle(root+"/", http.NotFoundHandler())
	mux.HandleFunc(root+"/ws", func(http.ResponseWriter, *http.Request) {})
	return nil
}
