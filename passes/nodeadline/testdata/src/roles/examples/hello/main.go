// Command hello is an example program (examples/): its findings are the
// opt-in developer-code category.
package main

import "net/http"

func main() {
	http.Get("http://example.com/")   // no diagnostic: developer-code
	http.ListenAndServe(":8080", nil) // no diagnostic: developer-code
}
