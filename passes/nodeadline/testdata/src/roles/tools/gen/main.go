// Command gen is a developer tool: its findings are shown only with
// -nodeadline.tools.
package main

import "net/http"

func main() {
	http.Get("https://proxy.golang.org/") // want `http.Get sends a request with no context`
}
