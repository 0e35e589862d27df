// Command contest is ordinary: its name ends in "test", not "-test".
package main

import "net/http"

func main() {
	http.Get("https://contest.example.com/") // want `http.Get sends a request with no context`
}
