// Command sampler is ordinary: "sampler" is not the word sample.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
