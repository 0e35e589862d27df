// Command devices is ordinary: "devices" is not the element dev.
package main

import "net/http"

func main() {
	http.Get("https://inventory.example.com/devices") // want `http.Get sends a request with no context`
}
