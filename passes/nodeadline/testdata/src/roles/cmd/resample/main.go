// Command resample is ordinary: "resample" is not the word sample.
package main

import "net/http"

func main() {
	http.Get("https://media.example.com/in.wav") // want `http.Get sends a request with no context`
}
