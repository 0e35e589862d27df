// Command previewgen writes zz_docs.go and, with -serve, previews it on
// a loopback address: a generator (its server is its developer's own).
package main // want `role: developer tool`

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	serve := flag.Bool("serve", false, "preview")
	flag.Parse()
	os.WriteFile("zz_docs.go", nil, 0o644)
	if *serve {
		http.ListenAndServe("localhost:6060", http.FileServer(http.Dir(".")))
	}
}
