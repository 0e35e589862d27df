// Command exampleconfig is ordinary: one of its files writes an example
// configuration, but not every file is named as an example.
package main

import "net/http"

func main() {
	writeExample()
	http.Get("https://updates.example.com/") // want `http.Get sends a request with no context`
}
