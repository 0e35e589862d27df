// Command memfs serves defaults from an fstest.MapFS, an in-memory file
// system real programs use: no diagnostic: ordinary.
package main

import (
	"net/http"
	"testing/fstest"
)

func main() {
	fsys := fstest.MapFS{"index.html": {Data: []byte("hello")}}
	http.ListenAndServe(":8080", http.FileServerFS(fsys))
}
