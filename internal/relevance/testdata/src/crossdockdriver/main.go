// Command crossdockdriver is the test driver of a Crossdock suite (as
// jaeger's crossdock): it runs behaviors against the services under test
// in the suite's docker-compose network, a test program.
package main // want `role: test utility`

import (
	"net/http"

	"github.com/crossdock/crossdock-go"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		crossdock.Handler(nil)
	})
	http.ListenAndServe(":8080", nil)
}
