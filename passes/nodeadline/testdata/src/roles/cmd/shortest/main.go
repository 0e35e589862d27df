// Command shortest is ordinary: a superlative that ends in "test".
package main

import "net/http"

func main() {
	http.Get("https://routes.example.com/shortest") // want `http.Get sends a request with no context`
}
