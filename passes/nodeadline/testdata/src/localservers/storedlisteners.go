package localservers

import (
	"net"
	"net/http"
)

// fileServer keeps the listener its constructor opens on loopback in an
// unexported field: only this package sets it.
type fileServer struct {
	ln    net.Listener
	files http.Handler
}

func newFileServer(files http.Handler) (*fileServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &fileServer{ln: ln, files: files}, nil
}

func (s *fileServer) Serve() error {
	return http.Serve(s.ln, s.files) // no diagnostic: every listener stored into the field is on loopback
}

// publicServer's listener is replaced by one on every interface.
type publicServer struct {
	ln net.Listener
}

func newPublicServer() (*publicServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &publicServer{ln: ln}, nil
}

func (s *publicServer) Rebind(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

func (s *publicServer) Serve(h http.Handler) error {
	return http.Serve(s.ln, h) // want `http.Serve starts a server that cannot have timeouts`
}

// ExportedServer's listener may be set by any package.
type ExportedServer struct {
	Listener net.Listener
}

func NewExportedServer() (*ExportedServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &ExportedServer{Listener: ln}, nil
}

func (s *ExportedServer) Serve(h http.Handler) error {
	return http.Serve(s.Listener, h) // want `http.Serve starts a server that cannot have timeouts`
}
