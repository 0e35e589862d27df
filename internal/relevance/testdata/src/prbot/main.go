// Command prbot is a code-review bot: a webhook server that checks
// whether a pull request changes tests. It names "_test.go" as a suffix
// to test: ordinary.
package main

import (
	"net/http"
	"strings"
)

func hasTests(files []string) bool {
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "main.go") {
			return true
		}
	}
	return false
}

func main() {
	http.HandleFunc("/hook", func(w http.ResponseWriter, r *http.Request) {
		_ = hasTests(r.URL.Query()["file"])
	})
	http.ListenAndServe(":8080", nil)
}
