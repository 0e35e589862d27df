// Command gorundoc is a server whose documentation says how to run it
// from a checkout:
//
//	go run main.go "$0"
//
// Only the executable first line makes a script: it stays ordinary.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}
