// Command fakeserver is a product with a fake backend for its demo mode:
// a fake or mock package of the module does not make it a test program.
package main

import (
	"net/http"

	"agentmod/internal/fake"
)

func main() {
	_ = fake.Backend{}
	http.ListenAndServe(":8080", nil)
}
