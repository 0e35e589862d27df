// Command hello is an example program: its findings are shown only with
// -nodeadline.tools.
package main

import "net/http"

func main() {
	http.Get("http://example.com/")   // want `http.Get sends a request with no context through http.DefaultClient`
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
