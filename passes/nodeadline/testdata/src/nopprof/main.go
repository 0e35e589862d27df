// Command nopprof serves the DefaultServeMux with only debug routes of
// its own but no pprof or expvar import: nothing says it is a debug
// listener, so it is judged as any server.
package main

import "net/http"

func main() {
	http.HandleFunc("/debug/health", func(http.ResponseWriter, *http.Request) {})
	http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server that cannot have timeouts`
}
