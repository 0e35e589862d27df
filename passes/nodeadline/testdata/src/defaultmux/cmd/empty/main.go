// Command empty serves the DefaultServeMux, on which nothing in the
// program registers a route. A main package sees the whole program;
// it is judged as any server.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
